CREATE TABLE "campaign_state_counts" (
	"campaign_id" text NOT NULL,
	"state" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "campaign_state_counts_campaign_id_state_pk" PRIMARY KEY("campaign_id","state"),
	CONSTRAINT "campaign_state_counts_n_check" CHECK ("campaign_state_counts"."n" >= 0)
);
--> statement-breakpoint
ALTER TABLE "campaign_state_counts" ADD CONSTRAINT "campaign_state_counts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_campaign_created_idx" ON "applications" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "placements_placed_on_idx" ON "placements" USING btree ("placed_on","id");--> statement-breakpoint

-- Hand-written below (issue 19, flat writes): campaign_state_counts follows every insert, state change and delete of
-- an application, in the same transaction. Application writes already hold the campaign row's lock, so the counts a
-- move reads under that lock are exact. Names are unqualified so that the function lands in the tables' schema.
CREATE OR REPLACE FUNCTION applications_count_states() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    UPDATE campaign_state_counts SET n = n - 1 WHERE campaign_id = OLD.campaign_id AND state = OLD.state;
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    INSERT INTO campaign_state_counts (campaign_id, state, n) VALUES (NEW.campaign_id, NEW.state, 1)
    ON CONFLICT (campaign_id, state) DO UPDATE SET n = campaign_state_counts.n + 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_count_insert_delete ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_count_insert_delete
  AFTER INSERT OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION applications_count_states();
--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_count_update ON applications;
--> statement-breakpoint
CREATE TRIGGER applications_count_update
  AFTER UPDATE OF state, campaign_id ON applications
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id)
  EXECUTE FUNCTION applications_count_states();
--> statement-breakpoint

-- The counts of the applications already stored.
INSERT INTO campaign_state_counts (campaign_id, state, n)
SELECT campaign_id, state, count(*)::int FROM applications GROUP BY campaign_id, state
ON CONFLICT (campaign_id, state) DO UPDATE SET n = excluded.n;
