-- Import progress shared by every API process on a PostgreSQL server: the app polls how far its
-- import has got, and behind a load balancer the poll may reach a process other than the one
-- importing the file.
CREATE TABLE "import_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
