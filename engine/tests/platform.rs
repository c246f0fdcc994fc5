//! Schemas owned elsewhere (issue 13.2): a Supabase-shaped database planned with the
//! preset on every path, with `--exclude-schema` instead, and without either; and the roles a
//! desired state creates on a shared shadow server.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::model::Catalog;
use schemadiff_engine::platform::Context;
use schemadiff_engine::source::shadow::{DevServer, Shadow};
use schemadiff_engine::source::{live, SqlFile};
use schemadiff_engine::{plan, render, DesiredStatePath, Options, Plan, Platform, Source};

const OWNED: [&str; 3] = ["auth", "storage", "extensions"];

fn supabase_dir() -> PathBuf {
    common::workspace().join("schemas/platform/supabase")
}

/// A database as Supabase builds it, with the project's schema as deployed.
fn supabase_database(cluster: &TempCluster, name: &str) -> String {
    let text = |file: &str| std::fs::read_to_string(supabase_dir().join(file)).unwrap();
    let sql = format!("{}\n{}", text("platform.sql"), text("before.sql"));
    common::fresh_database(cluster, name, &sql).unwrap()
}

/// What the database holds in the schemas the platform owns, read whole.
fn owned_part(url: &str) -> Catalog {
    let mut catalog = live::load(url).unwrap();
    catalog.retain_schemas(|schema| OWNED.contains(&schema));
    catalog.unsupported.clear();
    catalog
}

fn roles(cluster: &TempCluster) -> BTreeSet<String> {
    cluster
        .admin()
        .unwrap()
        .query("SELECT rolname FROM pg_roles", &[])
        .unwrap()
        .into_iter()
        .map(|row| row.get(0))
        .collect()
}

/// The steps that name an object of the owned schemas.
fn owned_steps(plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .map(|step| step.description.clone())
        .filter(|d| OWNED.iter().any(|s| d.contains(&format!("`{s}."))))
        .collect()
}

/// Plans the project's desired state against a Supabase-shaped database, applies the plan,
/// and checks what the platform owns is untouched and a second plan is empty.
fn plan_apply_replan(cluster: &TempCluster, name: &str, options: &Options) -> Plan {
    let url = supabase_database(cluster, name);
    let from = Source::Database(url.clone());
    let to = Source::Path(supabase_dir().join("app.sql"));
    let owned_before = owned_part(&url);
    let plan = plan(&from, &to, options).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(!plan.is_empty(), "{name}: the project changes");
    assert_eq!(owned_steps(&plan), Vec::<String>::new(), "{name}");
    common::apply(cluster, &url, &render::up_sql(&plan)).unwrap_or_else(|e| panic!("{name}: {e}"));
    common::same(&owned_part(&url), &owned_before).unwrap_or_else(|e| panic!("{name}: {e}"));
    let again = schemadiff_engine::plan(&from, &to, options).unwrap();
    assert!(again.is_empty(), "{name}: {}", render::up_sql(&again));
    plan
}

#[test]
fn the_supabase_preset_plans_only_the_project_on_every_path() {
    let cluster = TempCluster::start().unwrap();
    let dev = TempCluster::start().unwrap();
    let dev_roles = roles(&dev);
    let paths = [
        ("offline", DesiredStatePath::Offline),
        ("local", DesiredStatePath::Shadow(DevServer::Local)),
        (
            "shared",
            DesiredStatePath::Shadow(DevServer::Url(dev.url("postgres"))),
        ),
    ];
    for (name, desired_state) in paths {
        let options = Options {
            platform: Some(Platform::Supabase),
            desired_state,
            ..Options::default()
        };
        let plan = plan_apply_replan(&cluster, name, &options);
        // Realtime's publication is the platform's: the desired state does not drop it
        let realtime = plan
            .steps
            .iter()
            .find(|s| s.description.contains("supabase_realtime"));
        assert!(realtime.is_none(), "{name}: {realtime:?}");
    }
    // the platform's roles were made on the shared server for the load, and dropped after it
    assert_eq!(roles(&dev), dev_roles);
}

#[test]
fn excluded_schemas_are_owned_elsewhere_as_the_preset_s_are() {
    let cluster = TempCluster::start().unwrap();
    for (name, desired_state) in [
        ("offline", DesiredStatePath::Offline),
        ("local", DesiredStatePath::Shadow(DevServer::Local)),
    ] {
        let options = Options {
            exclude_schemas: OWNED.map(String::from).to_vec(),
            desired_state,
            ..Options::default()
        };
        plan_apply_replan(&cluster, name, &options);
    }
}

#[test]
fn without_the_preset_a_reference_into_the_platform_is_an_error() {
    // what the preset is for: the project as deployed references `auth.users` but does not
    // create it; read on its own, as the shadow path's server would, that is an error that
    // says how to declare the platform (a plan would otherwise drop the platform's tables)
    let cluster = TempCluster::start().unwrap();
    let url = supabase_database(&cluster, "unscoped");
    let error = plan(
        &Source::Database(url),
        &Source::Path(supabase_dir().join("before.sql")),
        &Options {
            desired_state: DesiredStatePath::Offline,
            ..Options::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("references `auth.users`, which does not exist"),
        "{error}"
    );
    assert!(error.contains("--platform"), "{error}");
}

/// Plans from `from` to `to` with the Supabase preset, offline and on the shadow path.
fn plans_with_the_preset(from: &Source, to: &Source) -> Vec<Plan> {
    [
        DesiredStatePath::Offline,
        DesiredStatePath::Shadow(DevServer::Local),
    ]
    .into_iter()
    .map(|desired_state| {
        let options = Options {
            platform: Some(Platform::Supabase),
            desired_state,
            ..Options::default()
        };
        plan(from, to, &options).unwrap()
    })
    .collect()
}

#[test]
fn file_to_file_the_preset_stands_in_for_the_platform_s_schemas() {
    let to = Source::Path(supabase_dir().join("app.sql"));
    let from = Source::Path(supabase_dir().join("before.sql"));
    for plan in plans_with_the_preset(&from, &to) {
        assert_eq!(owned_steps(&plan), Vec::<String>::new());
        // `REFERENCES auth.users` names the stand-in's primary key, as the server would
        assert!(!render::up_sql(&plan).contains("profiles_id_fkey"));
    }
}

#[test]
fn roles_a_desired_state_creates_are_not_left_on_a_shared_server() {
    let dev = TempCluster::start().unwrap();
    dev.admin()
        .unwrap()
        .batch_execute("CREATE ROLE app_owner")
        .unwrap();
    let before = roles(&dev);
    let mut shadow = Shadow::new(DevServer::Url(dev.url("postgres")));
    let file = |text: &str| SqlFile {
        name: "schema.sql".into(),
        text: text.into(),
    };
    let text = "CREATE ROLE app_reader;\nCREATE TABLE t (id int);\nGRANT SELECT ON t TO app_reader, app_owner;\n";
    let catalog = shadow
        .load(&[file(text)], &Context::none().unwrap())
        .unwrap();
    assert_eq!(catalog.named_roles().len(), 2);
    assert_eq!(roles(&dev), before, "app_reader is dropped, app_owner kept");
    // and when the load fails part-way
    let failing = format!("{text}SELECT missing();\n");
    assert!(shadow
        .load(&[file(&failing)], &Context::none().unwrap())
        .is_err());
    assert_eq!(roles(&dev), before);
}

/// A project adds its tables to Realtime's publication, which the platform creates: the
/// desired state may alter it, offline and on the shadow path, and it is never planned.
#[test]
fn a_project_adds_tables_to_the_platform_s_publication() {
    let dir = tempfile::tempdir().unwrap();
    let table = "CREATE TABLE public.messages (id bigint PRIMARY KEY, body text);";
    let from = dir.path().join("from.sql");
    let to = dir.path().join("to.sql");
    std::fs::write(&from, table).unwrap();
    std::fs::write(
        &to,
        format!(
            "{table}
             ALTER PUBLICATION supabase_realtime ADD TABLE public.messages;
             CREATE PUBLICATION message_feed FOR TABLE public.messages;"
        ),
    )
    .unwrap();
    for plan in plans_with_the_preset(&Source::Path(from), &Source::Path(to)) {
        let steps: Vec<&str> = plan.steps.iter().map(|s| s.description.as_str()).collect();
        assert_eq!(steps, ["create publication `message_feed`"]);
    }
}
