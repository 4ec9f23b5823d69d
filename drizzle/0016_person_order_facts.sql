CREATE TABLE "person_order_facts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"open_sek" numeric(16, 2) NOT NULL,
	"total_sek" numeric(16, 2) NOT NULL,
	"count" integer NOT NULL,
	"last_order_at" timestamp with time zone
);
--> statement-breakpoint
-- The figures of one or more people recomputed from their orders. Each person's row is created or
-- locked first, in key order, so a concurrent writer of the same person's orders waits here and
-- the recount below (a new snapshot under read committed) includes what it committed.
-- "Open" is OPEN_ORDER_STATUSES of src/modules/orders/schema.ts; a test holds the two together.
CREATE FUNCTION refresh_person_order_facts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_order_facts AS f (person_id, open_sek, total_sek, count)
    SELECT DISTINCT id, 0, 0, 0 FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT (person_id) DO UPDATE SET count = f.count;
  UPDATE person_order_facts f
    SET open_sek = a.open_sek, total_sek = a.total_sek, count = a.count, last_order_at = a.last_order_at
    FROM (
      SELECT x.id,
        coalesce(sum(o.total_sek) FILTER (WHERE o.status IN ('open', 'confirmed', 'shipped', 'invoiced')), 0) AS open_sek,
        coalesce(sum(o.total_sek) FILTER (WHERE o.status NOT IN ('cancelled', 'returned')), 0) AS total_sek,
        count(o.id)::int AS count,
        max(o.ordered_at) AS last_order_at
      FROM (SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL) x
      LEFT JOIN orders o ON o.person_id = x.id
      GROUP BY x.id
    ) a
    WHERE f.person_id = a.id;
  DELETE FROM person_order_facts WHERE person_id = ANY (ids) AND count = 0;
END
$$;
--> statement-breakpoint
CREATE FUNCTION orders_facts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_person_order_facts(array(SELECT person_id FROM new_orders WHERE person_id IS NOT NULL));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION orders_facts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_person_order_facts(array(
    SELECT unnest(array[o.person_id, n.person_id]) FROM old_orders o JOIN new_orders n ON n.id = o.id
    WHERE (o.person_id, o.status, o.total_sek, o.ordered_at) IS DISTINCT FROM (n.person_id, n.status, n.total_sek, n.ordered_at)
  ));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION orders_facts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_person_order_facts(array(SELECT person_id FROM old_orders WHERE person_id IS NOT NULL));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER orders_facts_inserted AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_orders FOR EACH STATEMENT EXECUTE FUNCTION orders_facts_inserted();
--> statement-breakpoint
CREATE TRIGGER orders_facts_updated AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_orders NEW TABLE AS new_orders FOR EACH STATEMENT EXECUTE FUNCTION orders_facts_updated();
--> statement-breakpoint
CREATE TRIGGER orders_facts_deleted AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_orders FOR EACH STATEMENT EXECUTE FUNCTION orders_facts_deleted();
--> statement-breakpoint
INSERT INTO person_order_facts (person_id, open_sek, total_sek, count, last_order_at)
  SELECT person_id,
    coalesce(sum(total_sek) FILTER (WHERE status IN ('open', 'confirmed', 'shipped', 'invoiced')), 0),
    coalesce(sum(total_sek) FILTER (WHERE status NOT IN ('cancelled', 'returned')), 0),
    count(*)::int, max(ordered_at)
  FROM orders WHERE person_id IS NOT NULL GROUP BY person_id;
