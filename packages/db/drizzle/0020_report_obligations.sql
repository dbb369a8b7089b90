CREATE TABLE "report_obligations" (
	"key" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"report_id" text NOT NULL,
	"due" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "obligations_version" integer;--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_obligations_due_idx" ON "report_obligations" USING btree ("due","key");--> statement-breakpoint
CREATE INDEX "report_obligations_placement_idx" ON "report_obligations" USING btree ("placement_id");--> statement-breakpoint
-- Hand-written (issue 19): a report filed against an obligation takes it off what is owed, in the same statement's
-- transaction, whoever inserts the submission; were a submission ever deleted, its placement is marked for the
-- start-up catch-up (placementQueries.staleObligations) to materialise its obligations again.
CREATE FUNCTION report_obligations_filed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    DELETE FROM report_obligations WHERE key = NEW.obligation_key;
    RETURN NEW;
  END IF;
  UPDATE placements SET obligations_version = NULL WHERE id = OLD.placement_id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_obligations_filed AFTER INSERT OR DELETE ON report_submissions
  FOR EACH ROW EXECUTE FUNCTION report_obligations_filed();
