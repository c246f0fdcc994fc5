//! Scale benchmark: generates a schema of N tables (varied column types, primary, foreign,
//! unique and check constraints, indexes, an enum and sequences; per table a view, a trigger,
//! row-level security with a policy and grants; per fifth table a SQL function; per tenth a
//! partitioned table with three partitions), then reports for each N: parsing and
//! normalising the file, loading it into PostgreSQL with psql (for reference), introspecting
//! it, loading it through a shadow database and reading it back, and diffing and planning
//! against a changed copy, plus peak memory.
//!
//! `cargo bench -p schemadiff-engine --bench scale` (N = 1000 and 5000; set
//! `SCHEMADIFF_BENCH_SIZES=100,1000` to choose). With `SCHEMADIFF_BENCH_WRITE=DIR` it only
//! writes each generated schema to `DIR/benchN.sql`, the input of the lint timing against
//! Squawk (README).

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::plan::{plan, Settings};
use schemadiff_engine::platform::Context;
use schemadiff_engine::source::shadow::Shadow;
use schemadiff_engine::source::{live, sql, SqlFile};
use schemadiff_engine::DevServer;

fn main() {
    let sizes: Vec<usize> = std::env::var("SCHEMADIFF_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,5000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    if let Ok(dir) = std::env::var("SCHEMADIFF_BENCH_WRITE") {
        for &n in &sizes {
            let path = std::path::Path::new(&dir).join(format!("bench{n}.sql"));
            std::fs::write(&path, generate(n, false)).expect("the schema file is written");
        }
        return;
    }
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    // the role the generated grants and policies name
    let mut admin = cluster.admin().expect("the cluster accepts connections");
    admin
        .batch_execute("CREATE ROLE app_reader")
        .expect("the role is created");
    println!(
        "{:>6} {:>10} {:>10} {:>12} {:>12} {:>14} {:>14} {:>14} {:>10}",
        "tables",
        "sql bytes",
        "parse",
        "psql load",
        "introspect",
        "shadow load",
        "plan file→file",
        "plan live→file",
        "steps"
    );
    for n in sizes {
        let schema = generate(n, false);
        let changed = generate(n, true);
        let file = |text: &str| SqlFile {
            name: format!("bench{n}.sql"),
            text: text.to_string(),
        };

        let started = Instant::now();
        let from_offline = sql::load(&[file(&schema)]).expect("the generated schema parses");
        let parse = started.elapsed();
        let to_offline = sql::load(&[file(&changed)]).expect("the changed schema parses");

        let db = format!("bench_{n}");
        cluster.drop_database(&db).ok();
        let url = cluster.create_database(&db).expect("database");
        let started = Instant::now();
        psql(&cluster, &url, &schema);
        let load = started.elapsed();

        let started = Instant::now();
        let from_live = live::load(&url).expect("introspection");
        let introspect = started.elapsed();

        let started = Instant::now();
        let mut shadow = Shadow::new(DevServer::Url(cluster.url("postgres")));
        let from_shadow = shadow
            .load(&[file(&schema)], &Context::none().expect("no context"))
            .expect("the shadow path loads");
        let shadow_load = started.elapsed();
        assert_eq!(from_shadow.tables.len(), from_live.tables.len());

        let started = Instant::now();
        let offline_plan = plan(&from_offline, &to_offline, Settings::default()).expect("plan");
        let plan_offline = started.elapsed();
        let started = Instant::now();
        let live_plan = plan(&from_live, &to_offline, Settings::default()).expect("plan");
        let plan_live = started.elapsed();
        assert_eq!(offline_plan.steps.len(), live_plan.steps.len());

        println!(
            "{:>6} {:>10} {:>10} {:>12} {:>12} {:>14} {:>14} {:>14} {:>10}",
            n,
            schema.len(),
            ms(parse),
            ms(load),
            ms(introspect),
            ms(shadow_load),
            ms(plan_offline),
            ms(plan_live),
            offline_plan.steps.len()
        );
        cluster.drop_database(&db).ok();
    }
    println!("peak resident memory of the whole run: {}", peak_memory());
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

/// `VmHWM` of this process.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn psql(cluster: &TempCluster, url: &str, sql: &str) {
    let bundled = cluster.bindir().join("psql");
    let psql = if bundled.exists() {
        bundled
    } else {
        "psql".into()
    };
    let mut child = Command::new(psql)
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("psql runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(sql.as_bytes())
        .expect("psql reads the schema");
    assert!(child.wait().expect("psql ends").success(), "psql failed");
}

/// A schema of `n` tables in a few schemas; `changed` alters every tenth table (a new column,
/// a wider type, a new index, a new enum value, a changed view, a widened grant, a changed
/// policy) so that the plan has work.
fn generate(n: usize, changed: bool) -> String {
    let mut out = String::from("CREATE SCHEMA app;\nCREATE SCHEMA audit;\n");
    for schema in ["public", "app", "audit"] {
        out.push_str(&format!(
            "CREATE FUNCTION {schema}.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;\n"
        ));
    }
    out.push_str(if changed {
        "CREATE TYPE app.status AS ENUM ('new', 'active', 'paused', 'closed');\n"
    } else {
        "CREATE TYPE app.status AS ENUM ('new', 'active', 'closed');\n"
    });
    for i in 0..n {
        let schema = ["public", "app", "audit"][i % 3];
        let touched = changed && i % 10 == 0;
        let name_width = if touched { 200 } else { 100 };
        out.push_str(&format!(
            "CREATE TABLE {schema}.t{i} (\n    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    code varchar({name_width}) NOT NULL UNIQUE,\n    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),\n    status app.status NOT NULL DEFAULT 'new',\n    tags text[] DEFAULT '{{}}',\n    payload jsonb,\n    created_at timestamptz NOT NULL DEFAULT now(),\n    seq integer DEFAULT 1,\n"
        ));
        if touched {
            out.push_str("    note text,\n");
        }
        if i > 0 {
            let parent = ["public", "app", "audit"][(i - 1) % 3];
            out.push_str(&format!(
                "    parent_id bigint REFERENCES {parent}.t{} (id) ON DELETE CASCADE,\n",
                i - 1
            ));
        } else {
            out.push_str("    parent_id bigint,\n");
        }
        out.push_str("    CHECK (seq > 0)\n);\n");
        out.push_str(&format!(
            "CREATE INDEX ON {schema}.t{i} (created_at DESC);\nCREATE INDEX ON {schema}.t{i} (lower(code)) WHERE status <> 'closed';\n"
        ));
        if touched {
            out.push_str(&format!(
                "CREATE INDEX ON {schema}.t{i} USING gin (payload);\n"
            ));
        }
        out.push_str(&format!("COMMENT ON TABLE {schema}.t{i} IS 'table {i}';\n"));
        let extra = if touched { ", created_at" } else { "" };
        out.push_str(&format!(
            "CREATE VIEW {schema}.v{i} AS SELECT id, code, amount{extra} FROM {schema}.t{i} WHERE status <> 'closed';\n\
             CREATE TRIGGER t{i}_touch BEFORE UPDATE ON {schema}.t{i} FOR EACH ROW EXECUTE FUNCTION {schema}.touch();\n\
             ALTER TABLE {schema}.t{i} ENABLE ROW LEVEL SECURITY;\n\
             CREATE POLICY t{i}_read ON {schema}.t{i} FOR SELECT TO app_reader USING (status <> '{}');\n\
             GRANT SELECT{} ON {schema}.t{i} TO app_reader;\n",
            if touched { "new" } else { "closed" },
            if touched { ", INSERT" } else { "" },
        ));
        if i % 5 == 0 {
            out.push_str(&format!(
                "CREATE FUNCTION {schema}.t{i}_amount(p bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT amount FROM {schema}.t{i} WHERE id = p $$;\n"
            ));
        }
        if i % 10 == 0 {
            out.push_str(&format!(
                "CREATE TABLE {schema}.p{i} (id bigint NOT NULL, at date NOT NULL, v int) PARTITION BY RANGE (at);\n"
            ));
            for year in 2024..2027 {
                out.push_str(&format!(
                    "CREATE TABLE {schema}.p{i}_{year} PARTITION OF {schema}.p{i} FOR VALUES FROM ('{year}-01-01') TO ('{}-01-01');\n",
                    year + 1
                ));
            }
            out.push_str(&format!("CREATE INDEX ON {schema}.p{i} (at);\n"));
        }
    }
    out
}
