-- Trigram matching for fuzzy search over names, e-mails and identifiers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
