ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq_idx" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" USING btree ("id") WHERE hash is null;--> statement-breakpoint
-- Entries written before sealing existed were chained in id order: give them their chain positions.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;--> statement-breakpoint
UPDATE audit_events a SET chain_seq = o.seq FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_events) o WHERE a.id = o.id;--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;--> statement-breakpoint
-- Still append-only; the one permitted UPDATE is sealing (platform/audit sealAuditChain): the chain fields of an
-- unsealed row are filled once, nothing else changes. (A database superuser can still tamper; the chain exposes it.)
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.chain_seq IS NULL AND OLD.prev_hash IS NULL
     AND NEW.hash IS NOT NULL AND NEW.chain_seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.subject_type, NEW.subject_id, NEW.before, NEW.after, NEW.request_id, NEW.ip)
         IS NOT DISTINCT FROM (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.subject_type, OLD.subject_id, OLD.before, OLD.after, OLD.request_id, OLD.ip) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Entries arrive unsealed: an INSERT cannot place itself in the chain.
CREATE OR REPLACE FUNCTION audit_events_insert_unsealed() RETURNS trigger AS $$
BEGIN
  IF NEW.hash IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.chain_seq IS NOT NULL THEN
    RAISE EXCEPTION 'audit_events: entries are inserted unsealed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_events_insert_unsealed BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_insert_unsealed();
