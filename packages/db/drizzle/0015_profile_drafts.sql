CREATE TABLE "profile_drafts" (
	"account_id" text PRIMARY KEY NOT NULL,
	"step" text NOT NULL,
	"values" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
