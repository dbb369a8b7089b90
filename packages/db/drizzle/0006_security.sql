CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_unique" ON "audit_log" USING btree ("seq");--> statement-breakpoint

-- Hand-written below (issue 15): the audit hash chain. Names are unqualified so that the functions land in the
-- schema the tables are in. sha256(bytea) is built into PostgreSQL 11+ and PGlite (pgcrypto is not needed).

-- The hash of one audit row: SHA-256 (hex) of the previous row's hash followed by the row's canonical JSON
-- (jsonb's text form is normalised; the instant is written in UTC, so the session's TimeZone does not matter).
CREATE OR REPLACE FUNCTION audit_log_row_hash(
  prev_hash text, seq bigint, id bigint, at timestamptz, actor_account_id text, actor_role text, action text,
  entity text, entity_id text, region_path text, before jsonb, after jsonb, request_id text
) RETURNS text AS $$
  SELECT encode(sha256(convert_to(coalesce(prev_hash, '') || jsonb_build_array(
    seq, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_account_id, actor_role,
    action, entity, entity_id, region_path, before, after, request_id
  )::text, 'UTF8')), 'hex')
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint

-- Chain each new row to the head. FOR UPDATE on the single head row serialises concurrent inserts (until their
-- transactions end), so `seq` is gapless and every row's prev_hash is the hash of the row committed before it.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = 'CD003',
      MESSAGE = '审计日志链头缺失 / the audit chain head row is missing';
  END IF;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_log_row_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.at, NEW.actor_account_id, NEW.actor_role,
    NEW.action, NEW.entity, NEW.entity_id, NEW.region_path, NEW.before, NEW.after, NEW.request_id);
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint

-- Rows written before this migration join the chain in id order (the append-only trigger steps aside for it).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev text := '';
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := audit_log_row_hash(prev, n, r.id, r.at, r.actor_account_id, r.actor_role, r.action, r.entity,
      r.entity_id, r.region_path, r.before, r.after, r.request_id);
    UPDATE audit_log SET seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, n, prev);
END $$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain
  BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
