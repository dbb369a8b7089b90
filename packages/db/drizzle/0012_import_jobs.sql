CREATE TABLE "import_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'staged' NOT NULL,
	"mode" text,
	"file_name" text,
	"actor_account_id" text NOT NULL,
	"actor" jsonb NOT NULL,
	"scope_path" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"done" integer DEFAULT 0 NOT NULL,
	"committed_through" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('staged', 'validated', 'queued', 'running', 'done', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"job_id" text NOT NULL,
	"row_no" integer NOT NULL,
	"data" jsonb NOT NULL,
	"outcome" text,
	"errors" jsonb,
	"person_id" text,
	"changed" text[],
	CONSTRAINT "import_rows_pk" PRIMARY KEY("job_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_actor_idx" ON "import_jobs" USING btree ("actor_account_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");