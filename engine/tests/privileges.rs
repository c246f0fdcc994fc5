//! Roles are not managed: a plan for a live database refuses a desired state that grants to,
//! or gives objects to, a role the database's cluster does not have, naming the role.

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::{plan, DesiredStatePath, DevServer, Error, Options, Source};

#[test]
fn a_grant_or_owner_the_database_lacks_is_an_error_naming_the_role() {
    let cluster = TempCluster::start().unwrap();
    let url = cluster.create_database("target").unwrap();
    let dir = std::env::temp_dir().join(format!("schemadiff-roles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("schema.sql");
    std::fs::write(
        &file,
        "CREATE TABLE t (id int);\nGRANT SELECT ON t TO reporting_bot;\nALTER TABLE t OWNER TO table_keeper;\nALTER DEFAULT PRIVILEGES FOR ROLE batch_owner GRANT SELECT ON TABLES TO PUBLIC;\n",
    )
    .unwrap();
    let from = Source::Database(url.clone());
    let to = Source::Path(file.clone());
    // offline, and on a private shadow server (which creates the roles for itself)
    for desired_state in [
        DesiredStatePath::Offline,
        DesiredStatePath::Shadow(DevServer::Local),
    ] {
        let options = Options {
            desired_state,
            owners: true,
            ..Options::default()
        };
        let Err(Error::Invalid(message)) = plan(&from, &to, &options) else {
            panic!("expected the missing roles to be reported");
        };
        assert!(
            message.contains("`batch_owner`, `reporting_bot`, `table_keeper`")
                && message.contains("create them first"),
            "{message}"
        );
    }
    // once the roles exist, the grant is planned
    cluster
        .admin()
        .unwrap()
        .batch_execute(
            "CREATE ROLE reporting_bot; CREATE ROLE batch_owner; CREATE ROLE table_keeper",
        )
        .unwrap();
    let options = Options {
        desired_state: DesiredStatePath::Offline,
        owners: true,
        ..Options::default()
    };
    let planned = plan(&from, &to, &options).unwrap();
    let planned_sql = |text: &str| {
        planned
            .steps
            .iter()
            .any(|s| s.sql.iter().any(|q| q.contains(text)))
    };
    assert!(planned_sql("TO reporting_bot") && planned_sql("OWNER TO table_keeper"));
    std::fs::remove_dir_all(dir).unwrap();
}
