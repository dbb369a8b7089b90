CREATE TABLE "applications" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"person_id" text NOT NULL,
	"region_id" text NOT NULL,
	"state" text NOT NULL,
	"channel" text,
	"target_role" text,
	"eligible" boolean,
	"post_id" text,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"scheme_id" text NOT NULL,
	"scheme_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"channels" jsonb NOT NULL,
	"places" integer NOT NULL,
	"start_year" integer NOT NULL,
	"reference_date" date NOT NULL,
	"schedule_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notice_days" integer DEFAULT 5 NOT NULL,
	"deciding_body" text NOT NULL,
	"post_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "campaigns_places_check" CHECK ("campaigns"."places" >= 0),
	CONSTRAINT "campaigns_notice_days_check" CHECK ("campaigns"."notice_days" >= 1)
);
--> statement-breakpoint
CREATE TABLE "review_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"step" text NOT NULL,
	"assignee" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_tasks_status_check" CHECK ("review_tasks"."status" in ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_scheme_id_scheme_version_schemes_scheme_id_version_fk" FOREIGN KEY ("scheme_id","scheme_version") REFERENCES "public"."schemes"("scheme_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_campaign_idx" ON "applications" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "applications_person_idx" ON "applications" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_campaign_person_unique" ON "applications" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_post_unique" ON "applications" USING btree ("post_id") WHERE "applications"."state" in ('appointed', 'reported_in');--> statement-breakpoint
CREATE INDEX "campaigns_region_idx" ON "campaigns" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "review_tasks_assignee_idx" ON "review_tasks" USING btree ("assignee","status");--> statement-breakpoint
CREATE INDEX "review_tasks_application_idx" ON "review_tasks" USING btree ("application_id");