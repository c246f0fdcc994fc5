//! The shadow path: desired-state SQL run in a scratch database that never outlives the load.

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::error::Error;
use schemadiff_engine::platform::Context;
use schemadiff_engine::source::shadow::{DevServer, Shadow};
use schemadiff_engine::source::SqlFile;

fn scratch_databases(cluster: &TempCluster) -> i64 {
    cluster
        .admin()
        .unwrap()
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'schemadiff_shadow_%'",
            &[],
        )
        .unwrap()
        .get(0)
}

#[test]
fn a_file_is_read_back_through_a_scratch_database_that_is_then_dropped() {
    let cluster = TempCluster::start().unwrap();
    let mut shadow = Shadow::new(DevServer::Url(cluster.url("postgres")));
    let file = SqlFile {
        name: "schema.sql".into(),
        // a DO block and data statements are fine here: the file simply runs
        text: "CREATE TABLE t (id serial PRIMARY KEY);\nDO $$ BEGIN EXECUTE 'CREATE INDEX ON t (id)'; END $$;\nINSERT INTO t DEFAULT VALUES;\n".into(),
    };
    let catalog = shadow.load(&[file], &Context::none().unwrap()).unwrap();
    assert_eq!(catalog.tables.len(), 1);
    assert_eq!(catalog.indexes.len(), 1);
    assert_eq!(scratch_databases(&cluster), 0);
    assert!(shadow
        .description()
        .starts_with("shadow database on postgresql://"));
}

#[test]
fn a_statement_the_server_rejects_is_located_and_the_scratch_database_dropped() {
    let cluster = TempCluster::start().unwrap();
    let mut shadow = Shadow::new(DevServer::Url(cluster.url("postgres")));
    let file = SqlFile {
        name: "schema.sql".into(),
        text: "CREATE TABLE t (id int);\nCREATE TABLE u (id int REFERENCES missing (id));\n".into(),
    };
    let Err(Error::Source(problems)) = shadow.load(&[file], &Context::none().unwrap()) else {
        panic!("expected the rejected statement to be reported");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].span.line, 2);
    assert_eq!(problems[0].span.column, 1);
    assert!(problems[0]
        .message
        .contains("relation \"missing\" does not exist"));
    assert_eq!(scratch_databases(&cluster), 0);
}

#[test]
fn a_private_local_server_gets_the_roles_a_file_names_and_a_shared_one_does_not() {
    let text = "CREATE TABLE t (id int);\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON t TO app_reader USING (true);\n";
    let file = SqlFile {
        name: "schema.sql".into(),
        text: text.into(),
    };
    // roles belong to the live cluster; a throwaway one lacks them, so it creates them
    let mut local = Shadow::new(DevServer::Local);
    let catalog = local
        .load(std::slice::from_ref(&file), &Context::none().unwrap())
        .unwrap();
    assert_eq!(catalog.tables.len(), 1);
    assert!(local
        .description()
        .starts_with("shadow database on a local PostgreSQL"));
    // on a server the user named, schemadiff creates no roles: the error says which is missing
    let cluster = TempCluster::start().unwrap();
    let mut shared = Shadow::new(DevServer::Url(cluster.url("postgres")));
    let Err(Error::Source(problems)) = shared.load(&[file], &Context::none().unwrap()) else {
        panic!("expected the missing role to be reported");
    };
    assert!(problems[0]
        .message
        .contains("role \"app_reader\" does not exist"));
    assert_eq!(problems[0].span.line, 3);
}

// a plan made through the shadow path says what the file says, not what the server prints
// (`(total > (100)::numeric)`)
#[test]
fn a_publication_row_filter_keeps_the_file_s_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let table = "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);";
    let from = dir.path().join("from.sql");
    let to = dir.path().join("to.sql");
    std::fs::write(&from, table).unwrap();
    std::fs::write(
        &to,
        format!("{table}\nCREATE PUBLICATION big_orders FOR TABLE orders WHERE (total > 100);"),
    )
    .unwrap();
    let options = schemadiff_engine::Options {
        desired_state: schemadiff_engine::DesiredStatePath::Shadow(DevServer::Local),
        ..Default::default()
    };
    let plan = schemadiff_engine::plan(
        &schemadiff_engine::source::Source::Path(from),
        &schemadiff_engine::source::Source::Path(to),
        &options,
    )
    .unwrap();
    assert_eq!(
        plan.steps[0].sql,
        ["CREATE PUBLICATION big_orders FOR TABLE public.orders WHERE (total > 100)"]
    );
}

// a scratch database must never connect to a publisher (nor create a slot there), and one
// holding a subscription could not be dropped: subscriptions are read offline instead
#[test]
fn subscriptions_are_read_offline_and_never_reach_the_scratch_database() {
    let cluster = TempCluster::start().unwrap();
    let mut shadow = Shadow::new(DevServer::Url(cluster.url("postgres")));
    let file = SqlFile {
        name: "schema.sql".into(),
        // the default `connect = true` would contact 192.0.2.1 (reserved for documentation)
        text: "CREATE TABLE t (id int);\n\
               CREATE SUBSCRIPTION mirror CONNECTION 'host=192.0.2.1 connect_timeout=60' PUBLICATION p;\n\
               COMMENT ON SUBSCRIPTION mirror IS 'kept';\n\
               ALTER SUBSCRIPTION mirror RENAME TO copy;\n\
               ALTER SUBSCRIPTION missing DISABLE;\n"
            .into(),
    };
    let Err(Error::Source(problems)) =
        shadow.load(std::slice::from_ref(&file), &Context::none().unwrap())
    else {
        panic!("expected the ALTER of a missing subscription to be reported");
    };
    assert_eq!(problems[0].span.line, 5, "{problems:?}");
    let file = SqlFile {
        text: file
            .text
            .replace("ALTER SUBSCRIPTION missing DISABLE;\n", ""),
        ..file
    };
    let catalog = shadow.load(&[file], &Context::none().unwrap()).unwrap();
    assert_eq!(catalog.tables.len(), 1);
    let copy = &catalog.subscriptions["copy"];
    assert!(copy.enabled);
    assert_eq!(copy.slot_name.as_deref(), Some("mirror"));
    assert_eq!(copy.comment.as_deref(), Some("kept"));
    assert_eq!(scratch_databases(&cluster), 0);
}
