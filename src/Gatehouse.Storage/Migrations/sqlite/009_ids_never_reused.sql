-- SQLite gives a new row the largest id in its table plus one, so deleting the newest row of a table hands its id
-- to the next row inserted: a new card, device or person took over the deleted one's history (events, a device's
-- request ids, a card's pending last grant). AUTOINCREMENT never gives an id twice. A column's AUTOINCREMENT cannot
-- be added in place, so each table with an id is rebuilt with the same columns, in the same order, and its indexes
-- (SQLite's documented procedure; the migrator runs SQLite's scripts with foreign keys off and checks them after).
-- The events table is left alone: its rows are never deleted, so its ids never go back.
-- PostgreSQL's identity columns never give an id twice: nothing to change there.


CREATE TABLE access_levels__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    zones TEXT NOT NULL
);
INSERT INTO access_levels__rebuilt SELECT * FROM access_levels;
DROP TABLE access_levels;
ALTER TABLE access_levels__rebuilt RENAME TO access_levels;
INSERT INTO sqlite_sequence (name, seq) SELECT 'access_levels', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'access_levels');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM access_levels), 0)) WHERE name = 'access_levels';

CREATE TABLE access_logics__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO access_logics__rebuilt SELECT * FROM access_logics;
DROP TABLE access_logics;
ALTER TABLE access_logics__rebuilt RENAME TO access_logics;
CREATE INDEX ix_access_logics_org ON access_logics(organization_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'access_logics', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'access_logics');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM access_logics), 0), coalesce((SELECT max(logic_id) FROM events), 0)) WHERE name = 'access_logics';

CREATE TABLE bookings__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO bookings__rebuilt SELECT * FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings__rebuilt RENAME TO bookings;
CREATE INDEX ix_bookings_person ON bookings(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'bookings', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'bookings');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM bookings), 0)) WHERE name = 'bookings';

CREATE TABLE companies__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    level_id INTEGER
);
INSERT INTO companies__rebuilt SELECT * FROM companies;
DROP TABLE companies;
ALTER TABLE companies__rebuilt RENAME TO companies;
CREATE INDEX ix_companies_org ON companies(organization_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'companies', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'companies');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM companies), 0)) WHERE name = 'companies';

CREATE TABLE contracts__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO contracts__rebuilt SELECT * FROM contracts;
DROP TABLE contracts;
ALTER TABLE contracts__rebuilt RENAME TO contracts;
CREATE INDEX ix_contracts_person ON contracts(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'contracts', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'contracts');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM contracts), 0)) WHERE name = 'contracts';

CREATE TABLE credentials__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO credentials__rebuilt SELECT * FROM credentials;
DROP TABLE credentials;
ALTER TABLE credentials__rebuilt RENAME TO credentials;
CREATE INDEX ix_credentials_person ON credentials(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'credentials', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'credentials');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM credentials), 0), coalesce((SELECT max(credential_id) FROM events), 0)) WHERE name = 'credentials';

CREATE TABLE device_secrets__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL,
    device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
INSERT INTO device_secrets__rebuilt SELECT * FROM device_secrets;
DROP TABLE device_secrets;
ALTER TABLE device_secrets__rebuilt RENAME TO device_secrets;
CREATE INDEX ix_device_secrets_device ON device_secrets(device_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'device_secrets', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'device_secrets');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM device_secrets), 0)) WHERE name = 'device_secrets';

CREATE TABLE devices__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO devices__rebuilt SELECT * FROM devices;
DROP TABLE devices;
ALTER TABLE devices__rebuilt RENAME TO devices;
CREATE INDEX ix_devices_logic ON devices(logic_id);
CREATE INDEX ix_devices_org ON devices(organization_id);
CREATE INDEX ix_devices_zone ON devices(zone_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'devices', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'devices');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM devices), 0), coalesce((SELECT max(device_id) FROM events), 0), coalesce((SELECT max(device_id) FROM processed_requests), 0)) WHERE name = 'devices';

CREATE TABLE entrance_products__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    zone_types TEXT NOT NULL,
    remaining_entries INTEGER NOT NULL,
    valid_from INTEGER,
    valid_until INTEGER
);
INSERT INTO entrance_products__rebuilt SELECT * FROM entrance_products;
DROP TABLE entrance_products;
ALTER TABLE entrance_products__rebuilt RENAME TO entrance_products;
CREATE INDEX ix_entrance_products_person ON entrance_products(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'entrance_products', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'entrance_products');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM entrance_products), 0)) WHERE name = 'entrance_products';

CREATE TABLE invoices__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    amount TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    payer TEXT NOT NULL,
    contract_id INTEGER,
    booking_id INTEGER
);
INSERT INTO invoices__rebuilt SELECT * FROM invoices;
DROP TABLE invoices;
ALTER TABLE invoices__rebuilt RENAME TO invoices;
CREATE INDEX ix_invoices_person ON invoices(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'invoices', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'invoices');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM invoices), 0)) WHERE name = 'invoices';

CREATE TABLE organizations__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    qr_signing_key BLOB NOT NULL
);
INSERT INTO organizations__rebuilt SELECT * FROM organizations;
DROP TABLE organizations;
ALTER TABLE organizations__rebuilt RENAME TO organizations;
INSERT INTO sqlite_sequence (name, seq) SELECT 'organizations', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'organizations');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM organizations), 0)) WHERE name = 'organizations';

CREATE TABLE people__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO people__rebuilt SELECT * FROM people;
DROP TABLE people;
ALTER TABLE people__rebuilt RENAME TO people;
CREATE INDEX ix_people_email ON people(organization_id, email);
CREATE INDEX ix_people_org ON people(organization_id, id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'people', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'people');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM people), 0), coalesce((SELECT max(person_id) FROM events), 0)) WHERE name = 'people';

CREATE TABLE picture_history__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    changed_at INTEGER NOT NULL,
    image_reference TEXT NOT NULL
);
INSERT INTO picture_history__rebuilt SELECT * FROM picture_history;
DROP TABLE picture_history;
ALTER TABLE picture_history__rebuilt RENAME TO picture_history;
CREATE INDEX ix_picture_history_person ON picture_history(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'picture_history', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'picture_history');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM picture_history), 0)) WHERE name = 'picture_history';

CREATE TABLE questionnaires__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    passed INTEGER NOT NULL
);
INSERT INTO questionnaires__rebuilt SELECT * FROM questionnaires;
DROP TABLE questionnaires;
ALTER TABLE questionnaires__rebuilt RENAME TO questionnaires;
CREATE INDEX ix_questionnaires_person ON questionnaires(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'questionnaires', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'questionnaires');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM questionnaires), 0)) WHERE name = 'questionnaires';

CREATE TABLE sites__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    capacity INTEGER
);
INSERT INTO sites__rebuilt SELECT * FROM sites;
DROP TABLE sites;
ALTER TABLE sites__rebuilt RENAME TO sites;
CREATE INDEX ix_sites_org ON sites(organization_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'sites', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'sites');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM sites), 0), coalesce((SELECT max(site_id) FROM events), 0)) WHERE name = 'sites';

CREATE TABLE staff_users__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    person_id INTEGER,
    desk_device_id INTEGER,
    site_id INTEGER,
    active INTEGER NOT NULL
);
INSERT INTO staff_users__rebuilt SELECT * FROM staff_users;
DROP TABLE staff_users;
ALTER TABLE staff_users__rebuilt RENAME TO staff_users;
CREATE INDEX ix_staff_users_org ON staff_users(organization_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'staff_users', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'staff_users');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM staff_users), 0)) WHERE name = 'staff_users';

CREATE TABLE subscription_pauses__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    subscription_id INTEGER NOT NULL,
    period_from INTEGER NOT NULL,
    period_until INTEGER NOT NULL
);
INSERT INTO subscription_pauses__rebuilt SELECT * FROM subscription_pauses;
DROP TABLE subscription_pauses;
ALTER TABLE subscription_pauses__rebuilt RENAME TO subscription_pauses;
CREATE INDEX ix_subscription_pauses_person ON subscription_pauses(person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'subscription_pauses', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'subscription_pauses');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM subscription_pauses), 0)) WHERE name = 'subscription_pauses';

CREATE TABLE visitor_jobs__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO visitor_jobs__rebuilt SELECT * FROM visitor_jobs;
DROP TABLE visitor_jobs;
ALTER TABLE visitor_jobs__rebuilt RENAME TO visitor_jobs;
CREATE INDEX ix_visitor_jobs_due ON visitor_jobs(done_at, due_at);
INSERT INTO sqlite_sequence (name, seq) SELECT 'visitor_jobs', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'visitor_jobs');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM visitor_jobs), 0)) WHERE name = 'visitor_jobs';

CREATE TABLE visits__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO visits__rebuilt SELECT * FROM visits;
DROP TABLE visits;
ALTER TABLE visits__rebuilt RENAME TO visits;
CREATE INDEX ix_visits_open ON visits(check_out_handled_at, erased_at);
CREATE INDEX ix_visits_org_external ON visits(organization_id, external_id);
CREATE INDEX ix_visits_org_person ON visits(organization_id, person_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'visits', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'visits');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM visits), 0)) WHERE name = 'visits';

CREATE TABLE zones__rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    capacity INTEGER
);
INSERT INTO zones__rebuilt SELECT * FROM zones;
DROP TABLE zones;
ALTER TABLE zones__rebuilt RENAME TO zones;
CREATE INDEX ix_zones_site ON zones(site_id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'zones', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'zones');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM zones), 0), coalesce((SELECT max(zone_id) FROM events), 0)) WHERE name = 'zones';
