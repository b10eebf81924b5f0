"""The PostgreSQL objects of a city server, as SQL: group roles, the user→regions table, the
audit table, helper and trigger functions, row-level security policies and grants.

Only ``store.server_setup`` runs these (each guarded by a check, so a second run changes
nothing). Everything is in schema ``public`` beside the program's tables.
"""

from __future__ import annotations

GROUPS = {
    "admin": "pm_admin",
    "reviewer": "pm_reviewer",
    "filler": "pm_filler",
    "viewer": "pm_viewer",
}
ALL_GROUPS = ", ".join(GROUPS.values())
NOTIFY_CHANNEL = "planmonitor_changes"

# Tables whose rows belong to one region (column region_id): row-level security keyed on the
# user's regions. A new table of region data (e.g. task progress) is added here.
REGION_TABLES = ("observations", "region_targets", "quarter_reviews")
# What a county (pm_filler) and city staff (pm_reviewer) may write, besides reading everything
# the policies let them see. pm_admin writes every table; pm_viewer nothing.
FILLER_WRITES = {
    "observations": ("INSERT", "UPDATE (superseded_at)"),
    "quarter_reviews": ("INSERT", "UPDATE"),
    "import_mappings": ("INSERT", "UPDATE"),
    # Key tasks' quarterly progress and evidence (the units report them; tasks are plan-wide).
    "task_progress": ("INSERT", "UPDATE (superseded_at)"),
    "task_attachments": ("INSERT",),
}
REVIEWER_WRITES = {"quarter_reviews": ("INSERT", "UPDATE")}
# Tables with an audit trigger and a change notification: every program table but these.
NOT_AUDITED = ("alembic_version", "pm_audit")

USER_REGIONS_TABLE = """
CREATE TABLE public.pm_user_regions (
    username name NOT NULL,
    region_code varchar(64) NOT NULL,
    PRIMARY KEY (username, region_code)
)"""

AUDIT_TABLE = """
CREATE TABLE public.pm_audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    username name NOT NULL DEFAULT session_user,
    table_name name NOT NULL,
    operation text NOT NULL,
    row_id bigint,
    old_row jsonb,
    new_row jsonb
);
CREATE INDEX pm_audit_at ON public.pm_audit (at);
CREATE INDEX pm_audit_username ON public.pm_audit (username, at)"""

# name -> (definition). SECURITY INVOKER unless said: policies call them as the querying user,
# so current_user is that user and pm_user_regions shows them their own rows only.
FUNCTIONS = {
    "pm_fills": """
CREATE FUNCTION public.pm_fills(p_region integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM regions r JOIN pm_user_regions u ON u.region_code = r.code
        WHERE r.id = p_region AND u.username = current_user)
$$""",
    "pm_quarter_open": """
CREATE FUNCTION public.pm_quarter_open(p_region integer, p_year integer, p_month integer)
RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT NOT EXISTS (
        SELECT 1 FROM quarter_reviews q
        WHERE q.region_id = p_region AND q.year = p_year AND q.state = 'approved'
          AND q.quarter = CASE WHEN p_month = 0 THEN 4 ELSE (p_month + 2) / 3 END)
$$""",
    "pm_stamp_observation": """
CREATE FUNCTION public.pm_stamp_observation() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := current_user;
        NEW.recorded_at := localtimestamp;
    ELSIF OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL THEN
        NEW.superseded_at := localtimestamp;
    END IF;
    RETURN NEW;
END
$$""",
    "pm_stamp_review": """
CREATE FUNCTION public.pm_stamp_review() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.state = 'submitted' THEN
        NEW.submitted_by := current_user;
        NEW.submitted_at := localtimestamp;
    ELSE
        NEW.reviewed_by := current_user;
        NEW.reviewed_at := localtimestamp;
    END IF;
    RETURN NEW;
END
$$""",
    "pm_audit_row": """
CREATE FUNCTION public.pm_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    old_j jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_j jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
    INSERT INTO pm_audit (username, table_name, operation, row_id, old_row, new_row)
    VALUES (session_user, TG_TABLE_NAME, TG_OP,
            (coalesce(new_j, old_j) ->> 'id')::bigint, old_j, new_j);
    RETURN NULL;
END
$$""",
    "pm_notify_change": f"""
CREATE FUNCTION public.pm_notify_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_notify('{NOTIFY_CHANNEL}', TG_TABLE_NAME || ' ' || session_user);
    RETURN NULL;
END
$$""",
}

FILLS = "pm_fills(region_id)"
OPEN = "pm_quarter_open(region_id, year, month)"


def region_policies(setup_role: str) -> dict[str, list[tuple[str, str]]]:
    """table -> [(policy name, CREATE POLICY …)] for the region tables and the server tables.

    Default deny: a role no policy names sees and writes nothing (FORCE ROW LEVEL SECURITY
    holds the table owner to them too; ``setup_role`` — who runs setup and migrations — has
    its own explicit policy instead of bypassing them).
    """
    out: dict[str, list[tuple[str, str]]] = {}
    for table in REGION_TABLES:
        out[table] = [
            ("pm_setup", f"FOR ALL TO {setup_role} USING (true) WITH CHECK (true)"),
            ("pm_admin_all", "FOR ALL TO pm_admin USING (true) WITH CHECK (true)"),
            ("pm_read_all", "FOR SELECT TO pm_reviewer, pm_viewer USING (true)"),
            ("pm_filler_read", f"FOR SELECT TO pm_filler USING ({FILLS})"),
        ]
    out["observations"] += [
        ("pm_filler_insert", f"FOR INSERT TO pm_filler WITH CHECK ({FILLS} AND {OPEN})"),
        (
            "pm_filler_update",
            f"FOR UPDATE TO pm_filler USING ({FILLS} AND {OPEN}) WITH CHECK ({FILLS} AND {OPEN})",
        ),
    ]
    out["quarter_reviews"] += [
        (
            "pm_filler_submit",
            f"FOR INSERT TO pm_filler WITH CHECK ({FILLS} AND state = 'submitted')",
        ),
        (
            "pm_filler_resubmit",
            f"FOR UPDATE TO pm_filler USING ({FILLS} AND state <> 'approved') "
            f"WITH CHECK ({FILLS} AND state = 'submitted')",
        ),
        ("pm_reviewer_insert", "FOR INSERT TO pm_reviewer WITH CHECK (state <> 'submitted')"),
        (
            "pm_reviewer_review",
            "FOR UPDATE TO pm_reviewer USING (state <> 'approved') "
            "WITH CHECK (state <> 'submitted')",
        ),
    ]
    out["pm_user_regions"] = [
        ("pm_setup", f"FOR ALL TO {setup_role} USING (true) WITH CHECK (true)"),
        ("pm_admin_all", "FOR ALL TO pm_admin USING (true) WITH CHECK (true)"),
        ("pm_own", "FOR SELECT TO PUBLIC USING (username = current_user)"),
    ]
    out["pm_audit"] = [
        ("pm_setup", f"FOR ALL TO {setup_role} USING (true) WITH CHECK (true)"),
        ("pm_admin_read", "FOR SELECT TO pm_admin USING (true)"),
    ]
    return out
