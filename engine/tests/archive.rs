//! `--retain-dropped` end to end on a real server: the forward plan archives a dropped table,
//! a dropped column and values a type change rounds; the rollback brings every value back
//! and empties the archive; `archive list` and `purge` see and remove what plans kept.

use postgres::{Client, NoTls};
use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::plan::DataEffect;
use schemadiff_engine::source::Source;
use schemadiff_engine::{archive, plan, render, DesiredStatePath, Options};

const FROM: &str = "
CREATE TABLE orders (id integer PRIMARY KEY, note text NOT NULL, amount numeric(10,2));
CREATE TABLE legacy (id integer PRIMARY KEY, payload text);
INSERT INTO orders VALUES (1, 'first', 10.25), (2, 'second', 3.14);
INSERT INTO legacy VALUES (1, 'kept'), (2, NULL);
";

const TO: &str = "CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,1));\n";

/// Every row of the two tables, as text, in a fixed order.
fn rows(client: &mut Client) -> Vec<String> {
    client
        .query(
            "SELECT format('%s|%s|%s', id, note, amount) FROM orders
             UNION ALL SELECT format('legacy %s|%s', id, payload) FROM legacy ORDER BY 1",
            &[],
        )
        .expect("both tables are readable")
        .iter()
        .map(|row| row.get(0))
        .collect()
}

#[test]
fn retained_data_comes_back_and_old_archives_are_purged() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    let url = cluster.create_database("retain").expect("a database");
    let mut client = Client::connect(&url, NoTls).expect("connects");
    client.batch_execute(FROM).expect("the FROM schema loads");
    let before = rows(&mut client);

    let desired =
        std::env::temp_dir().join(format!("schemadiff-retain-{}.sql", std::process::id()));
    std::fs::write(&desired, TO).expect("the desired state is written");
    let options = Options {
        desired_state: DesiredStatePath::Offline,
        retain_dropped: true,
        // one transaction: `batch_execute` cannot run the commits of a staged backfill
        direct: true,
        ..Default::default()
    };
    let planned = plan(
        &Source::Database(url.clone()),
        &Source::Path(desired.clone()),
        &options,
    )
    .expect("the plan is made");
    std::fs::remove_file(&desired).ok();
    let retained: Vec<String> = planned
        .steps
        .iter()
        .filter_map(|s| match &s.data {
            DataEffect::Retained { of, .. } => Some(of.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        retained,
        [
            "`public.orders.amount`",
            "`public.orders.note`",
            "`public.legacy`"
        ],
        "{}",
        render::up_sql(&planned)
    );

    client
        .batch_execute(&render::up_sql(&planned))
        .expect("up.sql applies");
    let archived = archive::list(&url).expect("the archive is listed");
    let originals: Vec<&str> = archived.iter().map(|a| a.original.as_str()).collect();
    assert_eq!(originals.len(), 3, "{archived:?}");
    assert!(originals.contains(&"public.legacy"), "{archived:?}");
    // a fresh archive is younger than a week: nothing to purge
    assert!(archive::purge(&url, "7 days")
        .expect("purge runs")
        .is_empty());

    client
        .batch_execute(&render::down_sql(&planned))
        .expect("down.sql applies");
    assert_eq!(
        rows(&mut client),
        before,
        "the rollback restores every value"
    );
    assert!(archive::list(&url).expect("listed").is_empty());

    client
        .batch_execute(&render::up_sql(&planned))
        .expect("up.sql applies again");
    let purged = archive::purge(&url, "0 minutes").expect("purge runs");
    assert_eq!(purged.len(), 3, "{purged:?}");
    assert!(archive::list(&url).expect("listed").is_empty());
    let left: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'schemadiff_archive' AND c.relkind IN ('r', 'S')
               AND c.relname <> 'archives'",
            &[],
        )
        .expect("counted")
        .get(0);
    assert_eq!(left, 0, "purge drops the archived relations");
}
