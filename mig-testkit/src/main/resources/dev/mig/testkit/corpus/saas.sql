-- Multi-tenant SaaS: every row carries its tenant, keys are (tenant_id, id).
CREATE TABLE tenants (
    tenant_id INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9-]*'),
    plan      TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE accounts (
    tenant_id  INTEGER NOT NULL REFERENCES tenants ON DELETE CASCADE,
    account_id INTEGER NOT NULL,
    email      TEXT NOT NULL COLLATE NOCASE,
    role       TEXT NOT NULL DEFAULT 'member',
    deleted_at INTEGER,
    PRIMARY KEY (tenant_id, account_id),
    UNIQUE (tenant_id, email)
);

CREATE TABLE projects (
    tenant_id  INTEGER NOT NULL,
    project_id INTEGER NOT NULL,
    owner_id   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    settings   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    PRIMARY KEY (tenant_id, project_id),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES accounts (tenant_id, account_id)
);

CREATE TABLE api_keys (
    key_hash   BLOB PRIMARY KEY,
    tenant_id  INTEGER NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    label      TEXT,
    expires_at INTEGER
) WITHOUT ROWID;

CREATE INDEX accounts_live ON accounts (tenant_id, email) WHERE deleted_at IS NULL;
CREATE INDEX accounts_email_lower ON accounts (lower(email));
CREATE INDEX projects_by_name ON projects (tenant_id, name COLLATE NOCASE);
CREATE INDEX api_keys_expiry ON api_keys (expires_at) WHERE expires_at IS NOT NULL;

CREATE VIEW active_accounts AS SELECT tenant_id, account_id, email FROM accounts WHERE deleted_at IS NULL;

INSERT INTO tenants (tenant_id, slug) VALUES (1, 'acme'), (2, 'globex');
INSERT INTO accounts (tenant_id, account_id, email) VALUES (1, 1, 'boss@acme.test'), (2, 1, 'hank@globex.test');
