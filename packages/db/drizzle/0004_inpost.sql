CREATE TABLE "absences" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archives" (
	"person_id" text PRIMARY KEY NOT NULL,
	"opened_on" date NOT NULL,
	"sealed" boolean DEFAULT false NOT NULL,
	"sealed_on" date,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"person_id" text NOT NULL,
	"cycle_id" text NOT NULL,
	"period" text NOT NULL,
	"grade" text,
	"quota_group" text,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_grade_check" CHECK ("assessments"."grade" is null or "assessments"."grade" in ('excellent', 'competent', 'basically_competent', 'incompetent'))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"finding" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_kind_check" CHECK ("inspections"."kind" in ('patrol', 'spot_check', 'talk', 'visit', 'other')),
	CONSTRAINT "inspections_outcome_check" CHECK ("inspections"."outcome" in ('satisfactory', 'concern'))
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"person_id" text NOT NULL,
	"state" text NOT NULL,
	"approver" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leave_requests_state_check" CHECK ("leave_requests"."state" in ('requested', 'approved', 'refused', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "mentoring_pairs" (
	"id" text PRIMARY KEY NOT NULL,
	"mentor_id" text NOT NULL,
	"mentee_id" text NOT NULL,
	"placement_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_consequences" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"placement_id" text NOT NULL,
	"applies_to" text NOT NULL,
	"unit_id" text,
	"consequence_id" text NOT NULL,
	"effect" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"year" integer,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_consequences_applies_check" CHECK ("person_consequences"."applies_to" in ('cadre', 'dispatching_unit'))
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"post_id" text NOT NULL,
	"region_id" text NOT NULL,
	"scheme_id" text NOT NULL,
	"scheme_version" integer NOT NULL,
	"application_id" text,
	"dispatching_unit_id" text,
	"quota_group" text NOT NULL,
	"state" text NOT NULL,
	"placed_on" date NOT NULL,
	"started_on" date,
	"term_end" date,
	"ended_on" date,
	"outcome" jsonb,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_state_check" CHECK ("placements"."state" in ('placed', 'on_probation', 'probation_extended', 'in_term', 'term_ended', 'returned_to_unit', 'adjusted', 'recalled', 'exited'))
);
--> statement-breakpoint
CREATE TABLE "pool_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"scheme_id" text NOT NULL,
	"scheme_version" integer NOT NULL,
	"year" integer NOT NULL,
	"removed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"reviewed_by" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quota_groups" (
	"region_id" text NOT NULL,
	"group_key" text NOT NULL,
	"period" text NOT NULL,
	"gradings" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quota_groups_region_id_group_key_period_pk" PRIMARY KEY("region_id","group_key","period")
);
--> statement-breakpoint
CREATE TABLE "replacement_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"post_id" text NOT NULL,
	"region_id" text NOT NULL,
	"dispatching_unit_id" text,
	"state" text DEFAULT 'open' NOT NULL,
	"requested_on" date NOT NULL,
	"filled_by" text,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replacement_requests_state_check" CHECK ("replacement_requests"."state" in ('open', 'filled'))
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"obligation_key" text NOT NULL,
	"report_id" text NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_by" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"year" integer NOT NULL,
	"fired" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"region_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archives" ADD CONSTRAINT "archives_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentee_id_people_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consequences" ADD CONSTRAINT "person_consequences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consequences" ADD CONSTRAINT "person_consequences_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consequences" ADD CONSTRAINT "person_consequences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_dispatching_unit_id_units_id_fk" FOREIGN KEY ("dispatching_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_scheme_id_scheme_version_schemes_scheme_id_version_fk" FOREIGN KEY ("scheme_id","scheme_version") REFERENCES "public"."schemes"("scheme_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_reviews" ADD CONSTRAINT "pool_reviews_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_reviews" ADD CONSTRAINT "pool_reviews_scheme_id_scheme_version_schemes_scheme_id_version_fk" FOREIGN KEY ("scheme_id","scheme_version") REFERENCES "public"."schemes"("scheme_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_groups" ADD CONSTRAINT "quota_groups_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_dispatching_unit_id_units_id_fk" FOREIGN KEY ("dispatching_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_requests" ADD CONSTRAINT "replacement_requests_filled_by_placements_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_placement_idx" ON "absences" USING btree ("placement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_placement_cycle_period_unique" ON "assessments" USING btree ("placement_id","cycle_id","period");--> statement-breakpoint
CREATE INDEX "assessments_quota_idx" ON "assessments" USING btree ("quota_group","period");--> statement-breakpoint
CREATE INDEX "inspections_placement_idx" ON "inspections" USING btree ("placement_id","date");--> statement-breakpoint
CREATE INDEX "leave_requests_placement_idx" ON "leave_requests" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_mentor_idx" ON "mentoring_pairs" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_placement_idx" ON "mentoring_pairs" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "person_consequences_person_idx" ON "person_consequences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_consequences_unit_idx" ON "person_consequences" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "placements_region_idx" ON "placements" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "placements_person_idx" ON "placements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placements_state_idx" ON "placements" USING btree ("state");--> statement-breakpoint
CREATE INDEX "placements_quota_group_idx" ON "placements" USING btree ("quota_group");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_application_unique" ON "placements" USING btree ("application_id") WHERE application_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "placements_post_open_unique" ON "placements" USING btree ("post_id") WHERE state not in ('returned_to_unit', 'adjusted', 'recalled', 'exited');--> statement-breakpoint
CREATE UNIQUE INDEX "placements_person_open_unique" ON "placements" USING btree ("person_id") WHERE state not in ('returned_to_unit', 'adjusted', 'recalled', 'exited');--> statement-breakpoint
CREATE UNIQUE INDEX "pool_reviews_region_scheme_year_unique" ON "pool_reviews" USING btree ("region_id","scheme_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "replacement_requests_placement_unique" ON "replacement_requests" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "replacement_requests_post_idx" ON "replacement_requests" USING btree ("post_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_key_unique" ON "report_submissions" USING btree ("obligation_key");--> statement-breakpoint
CREATE INDEX "report_submissions_placement_idx" ON "report_submissions" USING btree ("placement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_placement_year_unique" ON "surveys" USING btree ("placement_id","year");--> statement-breakpoint
CREATE INDEX "training_records_person_idx" ON "training_records" USING btree ("person_id","date");