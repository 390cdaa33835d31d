-- Gatehouse schema v1 for SQLite. Instants are INTEGER unix milliseconds (UTC); money is TEXT (exact decimal);
-- enums are TEXT names (stable when members are reordered); flag sets are INTEGER bits; JSON is TEXT.
-- Every row carries organization_id so that every by-id query can be scoped without joins.

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    qr_signing_key BLOB NOT NULL
);

CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    capacity INTEGER
);
CREATE INDEX ix_sites_org ON sites(organization_id);

CREATE TABLE zones (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    capacity INTEGER
);
CREATE INDEX ix_zones_site ON zones(site_id);

CREATE TABLE access_logics (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    policy TEXT NOT NULL,
    custom_policy TEXT,
    created_at INTEGER NOT NULL,
    modified_at INTEGER NOT NULL,
    checks TEXT NOT NULL,
    advanced TEXT NOT NULL,
    actions TEXT NOT NULL
);
CREATE INDEX ix_access_logics_org ON access_logics(organization_id);

CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    zone_id INTEGER NOT NULL REFERENCES zones(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    mode TEXT NOT NULL,
    logic_id INTEGER NOT NULL REFERENCES access_logics(id),
    enabled INTEGER NOT NULL,
    geofence_radius_meters REAL,
    latitude REAL,
    longitude REAL,
    checkpoint TEXT NOT NULL
);
CREATE INDEX ix_devices_org ON devices(organization_id);
CREATE INDEX ix_devices_logic ON devices(logic_id);
CREATE INDEX ix_devices_zone ON devices(zone_id);

CREATE TABLE device_secrets (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX ix_device_secrets_device ON device_secrets(device_id);

CREATE TABLE access_levels (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    zones TEXT NOT NULL
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    gender TEXT NOT NULL,
    company_id INTEGER,
    email TEXT,
    active INTEGER NOT NULL,
    picture_changed_at INTEGER,
    identity_validated_at INTEGER,
    pos_balance TEXT NOT NULL DEFAULT '0',
    account_balance TEXT NOT NULL DEFAULT '0'
);
CREATE INDEX ix_people_org ON people(organization_id, id);
CREATE INDEX ix_people_email ON people(organization_id, email);

CREATE TABLE picture_history (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    changed_at INTEGER NOT NULL,
    image_reference TEXT NOT NULL
);
CREATE INDEX ix_picture_history_person ON picture_history(person_id);

CREATE TABLE credentials (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    flags INTEGER NOT NULL,
    valid_from INTEGER,
    valid_until INTEGER,
    secret BLOB,
    last_granted_at INTEGER,
    UNIQUE (organization_id, value)
);
CREATE INDEX ix_credentials_person ON credentials(person_id);

CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_until INTEGER NOT NULL,
    status TEXT NOT NULL,
    is_main INTEGER NOT NULL,
    grants_entry INTEGER NOT NULL,
    rules TEXT,
    sites TEXT,
    subscription_id INTEGER,
    invoice_id INTEGER
);
CREATE INDEX ix_contracts_person ON contracts(person_id);

CREATE TABLE entrance_products (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    zone_types TEXT NOT NULL,
    remaining_entries INTEGER NOT NULL,
    valid_from INTEGER,
    valid_until INTEGER
);
CREATE INDEX ix_entrance_products_person ON entrance_products(person_id);

CREATE TABLE subscription_pauses (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    subscription_id INTEGER NOT NULL,
    period_from INTEGER NOT NULL,
    period_until INTEGER NOT NULL
);
CREATE INDEX ix_subscription_pauses_person ON subscription_pauses(person_id);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    amount TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    payer TEXT NOT NULL,
    contract_id INTEGER,
    booking_id INTEGER
);
CREATE INDEX ix_invoices_person ON invoices(person_id);

CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    site_id INTEGER NOT NULL,
    slot_from INTEGER NOT NULL,
    slot_until INTEGER NOT NULL,
    teacher TEXT,
    spot TEXT,
    zone_types TEXT,
    used INTEGER NOT NULL,
    cancelled INTEGER NOT NULL
);
CREATE INDEX ix_bookings_person ON bookings(person_id);

CREATE TABLE questionnaires (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    passed INTEGER NOT NULL
);
CREATE INDEX ix_questionnaires_person ON questionnaires(person_id);

-- One row per person and site: the primary key is what makes a second concurrent entry lose (R-GYM-09).
CREATE TABLE presence (
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL,
    zone_id INTEGER,
    since INTEGER NOT NULL,
    marked_by_staff INTEGER NOT NULL,
    PRIMARY KEY (person_id, site_id)
);
CREATE INDEX ix_presence_site ON presence(site_id);

CREATE TABLE visitor_passes (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL,
    site_id INTEGER NOT NULL,
    category TEXT NOT NULL,
    meeting_from INTEGER NOT NULL,
    meeting_until INTEGER NOT NULL,
    level_id INTEGER NOT NULL,
    pre_check_in_level_id INTEGER,
    checked_in_at INTEGER,
    checked_out_at INTEGER
);

CREATE TABLE employment_terms (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL,
    company_id INTEGER,
    level_id INTEGER,
    working_hours TEXT,
    conditional_access INTEGER NOT NULL
);

CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    person_id INTEGER,
    desk_device_id INTEGER,
    site_id INTEGER,
    active INTEGER NOT NULL
);
CREATE INDEX ix_staff_users_org ON staff_users(organization_id);

-- Append-only. No foreign keys: events outlive what they name (collected cards, erased visitors).
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER,
    device_id INTEGER NOT NULL,
    site_id INTEGER,
    zone_id INTEGER,
    credential_id INTEGER,
    person_id INTEGER,
    direction TEXT NOT NULL,
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    reasons TEXT NOT NULL,
    logic_id INTEGER,
    logic_version INTEGER NOT NULL,
    mode TEXT NOT NULL,
    visit_reason_kind TEXT NOT NULL,
    visit_reason_id INTEGER,
    visit_reason_name TEXT,
    display_text TEXT NOT NULL,
    request_id TEXT,
    pre_verification INTEGER NOT NULL,
    actions INTEGER NOT NULL,
    listed INTEGER NOT NULL
);
CREATE INDEX ix_events_org_at ON events(organization_id, at DESC, id DESC);
CREATE INDEX ix_events_person_at ON events(person_id, at DESC);
CREATE INDEX ix_events_device_at ON events(device_id, at DESC);

-- R-DEC-05: the unique key is what makes a request id decided once, even across nodes.
CREATE TABLE processed_requests (
    device_id INTEGER NOT NULL,
    request_id TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (device_id, request_id)
);
CREATE INDEX ix_processed_requests_at ON processed_requests(at);

-- R-STU-07: the later allow/refuse of a manual entry, kept apart so events stay append-only.
CREATE TABLE staff_decisions (
    event_id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    allowed INTEGER NOT NULL,
    staff_user_id INTEGER NOT NULL,
    decided_at INTEGER NOT NULL
);
