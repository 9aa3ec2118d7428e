CREATE TABLE "identity_login_throttles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"user_id" uuid,
	"login" text,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "identity_login_throttles_scope_ck" CHECK ("identity_login_throttles"."scope" in ('account','address','password-change'))
);
--> statement-breakpoint
ALTER TABLE "identity_login_throttles" ADD CONSTRAINT "identity_login_throttles_user_id_identity_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identity_login_throttles_scope_key_uq" ON "identity_login_throttles" USING btree ("scope","key");--> statement-breakpoint
CREATE INDEX "identity_login_throttles_user_idx" ON "identity_login_throttles" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "identity_users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "identity_users" DROP COLUMN "locked_until";