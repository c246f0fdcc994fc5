//! One `apply` at a time per database: a session advisory lock, held for the whole run,
//! released at its end, and by the server when the session ends however it ends.

use postgres::Client;

/// The advisory lock's key: "schemadiff" in ASCII, as one bigint.
const KEY: i64 = 0x7363_6865_6d61_6466;

/// Takes the lock; waits for it with `wait`, otherwise returns who holds it.
pub fn acquire(client: &mut Client, wait: bool) -> Result<Result<(), String>, postgres::Error> {
    if wait {
        client.execute("SELECT pg_advisory_lock($1)", &[&KEY])?;
        return Ok(Ok(()));
    }
    let taken: bool = client
        .query_one("SELECT pg_try_advisory_lock($1)", &[&KEY])?
        .get(0);
    if taken {
        return Ok(Ok(()));
    }
    Ok(Err(holder(client)?))
}

/// Gives the lock back. A failure needs no handling: the session is then broken, and its
/// end releases the lock.
pub fn release(client: &mut Client) {
    let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&KEY]);
}

/// Who holds the lock, in a few words: role, application, client address, since when.
fn holder(client: &mut Client) -> Result<String, postgres::Error> {
    let (high, low) = ((KEY >> 32) as u32, (KEY & 0xffff_ffff) as u32);
    let rows = client.query(
        "SELECT a.pid, coalesce(a.usename::text, '?'), coalesce(nullif(a.application_name, ''), '?'),
                coalesce(a.client_addr::text, 'local'), coalesce(a.backend_start::text, '?')
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.granted
           AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.objsubid = 1",
        &[&i64::from(high), &i64::from(low)],
    )?;
    Ok(match rows.first() {
        Some(row) => format!(
            "another apply holds the lock: process {} of role `{}` ({}, from {}, connected since {})",
            row.get::<_, i32>(0),
            row.get::<_, String>(1),
            row.get::<_, String>(2),
            row.get::<_, String>(3),
            row.get::<_, String>(4)
        ),
        None => "another apply holds the lock".to_string(),
    })
}
