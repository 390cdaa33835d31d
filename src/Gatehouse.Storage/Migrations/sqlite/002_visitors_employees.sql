-- Visitor and employee lifecycles (R-VIS, R-EMP): pre-registered visits, their timed jobs, companies with their
-- shared level, SCIM provisioning, and rotating-QR enrolments. Instants are INTEGER unix milliseconds (UTC).

-- No foreign key to people: a visit row outlives the erased visitor, with its personal columns cleared (R-VIS-10).
CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    site_id INTEGER NOT NULL,
    category TEXT NOT NULL,
    meeting_from INTEGER NOT NULL,
    meeting_until INTEGER NOT NULL,
    visit_date TEXT NOT NULL,
    host TEXT,
    external_id TEXT,
    token_number TEXT,
    credential_id INTEGER,
    created_at INTEGER NOT NULL,
    mail_file TEXT,
    check_out_handled_at INTEGER,
    erased_at INTEGER
);
CREATE INDEX ix_visits_org_person ON visits(organization_id, person_id);
CREATE INDEX ix_visits_org_external ON visits(organization_id, external_id);
CREATE INDEX ix_visits_open ON visits(check_out_handled_at, erased_at);

-- One job per visit and kind; done_at is the done marker, claimed_* the lease that makes one node act (R-VIS-08/09/10).
CREATE TABLE visitor_jobs (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    visit_id INTEGER NOT NULL REFERENCES visits(id),
    person_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_until INTEGER,
    attempts INTEGER NOT NULL,
    done_at INTEGER,
    outcome TEXT,
    UNIQUE (visit_id, kind)
);
CREATE INDEX ix_visitor_jobs_due ON visitor_jobs(done_at, due_at);

CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    level_id INTEGER
);
CREATE INDEX ix_companies_org ON companies(organization_id);

-- Only the SHA-256 of the token is kept; rotation replaces the row (R-EMP-06).
CREATE TABLE scim_tokens (
    organization_id INTEGER PRIMARY KEY REFERENCES organizations(id),
    token_hash TEXT NOT NULL UNIQUE,
    company_id INTEGER,
    created_at INTEGER NOT NULL
);

CREATE TABLE scim_users (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    external_id TEXT,
    created_at INTEGER NOT NULL,
    modified_at INTEGER NOT NULL,
    UNIQUE (organization_id, user_name)
);

CREATE TABLE employee_enrolments (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL,
    credential_id INTEGER NOT NULL,
    revealed_at INTEGER
);
