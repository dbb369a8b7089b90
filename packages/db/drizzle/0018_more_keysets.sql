CREATE INDEX "campaigns_created_idx" ON "campaigns" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "review_tasks_open_due_idx" ON "review_tasks" USING btree ("assignee",coalesce("due_on", 'infinity'::date),"id") WHERE "review_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "units_name_idx" ON "units" USING btree ("name","id");