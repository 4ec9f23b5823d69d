-- SNI codes were kept as typed, "62010" beside "62.010"; the register now writes them one way,
-- the division, a dot, the rest. Codes written without the dot are brought to that form.
UPDATE "organizations"
SET "sni_code" = substr("sni_code", 1, 2) || '.' || substr("sni_code", 3)
WHERE "sni_code" ~ '^[0-9]{3,5}$';
