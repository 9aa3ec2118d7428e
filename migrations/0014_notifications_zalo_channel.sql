ALTER TABLE "notifications_outbox" DROP CONSTRAINT "notifications_outbox_channel_check";--> statement-breakpoint
ALTER TABLE "notifications_outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "notifications_outbox" ADD CONSTRAINT "notifications_outbox_channel_check" CHECK ("notifications_outbox"."channel" in ('email', 'sms', 'zalo'));