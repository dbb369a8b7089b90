-- Hand-written (drizzle-kit generate --custom): rules the table definitions cannot express.
-- Names are unqualified so that the functions land in the schema the tables are in.

-- Published scheme versions are immutable (a campaign keeps the version it started under).
CREATE OR REPLACE FUNCTION schemes_refuse_published_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION USING
      ERRCODE = 'CD001',
      MESSAGE = format('已发布的方案版本不可修改：%s 第 %s 版 / published scheme version %s v%s cannot be changed',
        OLD.scheme_id, OLD.version, OLD.scheme_id, OLD.version);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS schemes_published_immutable ON schemes;
--> statement-breakpoint
CREATE TRIGGER schemes_published_immutable
  BEFORE UPDATE OR DELETE ON schemes
  FOR EACH ROW EXECUTE FUNCTION schemes_refuse_published_change();
--> statement-breakpoint

-- The audit log is append-only.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'CD002',
    MESSAGE = format('审计日志只能追加，不能%s / the audit log is append-only: %s refused',
      CASE TG_OP WHEN 'UPDATE' THEN '修改' WHEN 'DELETE' THEN '删除' ELSE '清空' END, TG_OP);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
