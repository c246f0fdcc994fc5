//! Interval literals as the server prints them.
//!
//! The server stores a typed constant as its value and prints it through the type's output
//! function: a file says `interval '1 hour'`, the catalog says `'01:00:00'::interval`. Both
//! are turned into the server's text (`IntervalStyle = postgres`) so that they compare
//! equal. Only the common input forms are understood; anything else is left as written.

/// Microseconds per unit, as `DecodeInterval` counts them.
const USECS_PER_SEC: f64 = 1_000_000.0;
const SECS_PER_MINUTE: f64 = 60.0;
const SECS_PER_HOUR: f64 = 3_600.0;
const SECS_PER_DAY: f64 = 86_400.0;
const DAYS_PER_MONTH: f64 = 30.0;

/// An interval as the server keeps it: months, days and microseconds are separate fields.
#[derive(Debug, Default, PartialEq)]
struct Interval {
    months: i64,
    days: i64,
    micros: i64,
}

/// The server's text for an interval literal, or `None` if the text is not understood.
pub fn canonical_interval(text: &str) -> Option<String> {
    parse(text).map(|interval| format(&interval))
}

fn parse(text: &str) -> Option<Interval> {
    let text = text.trim().to_ascii_lowercase();
    let text = text.strip_prefix('@').unwrap_or(&text).trim();
    let (text, ago) = match text.strip_suffix("ago") {
        Some(rest) => (rest.trim(), true),
        None => (text, false),
    };
    if text.is_empty() {
        return None;
    }
    // (months, days, seconds) accumulated as floats, rounded once at the end like the
    // server's fractional carry
    let (mut months, mut days, mut seconds) = (0f64, 0f64, 0f64);
    let tokens = tokenize(text)?;
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        if token.contains(':') {
            seconds += clock(token)?;
            index += 1;
            continue;
        }
        let value: f64 = token.parse().ok()?;
        let unit = tokens.get(index + 1).map(String::as_str);
        let (unit_kind, consumed) = match unit.and_then(unit_of) {
            Some(kind) => (kind, 2),
            // a bare number is seconds
            None => (Unit::Second, 1),
        };
        match unit_kind {
            Unit::Month(per) => {
                let whole = value * per;
                months += whole.trunc();
                let fraction_days = whole.fract() * DAYS_PER_MONTH;
                days += fraction_days.trunc();
                seconds += fraction_days.fract() * SECS_PER_DAY;
            }
            Unit::Day(per) => {
                let whole = value * per;
                days += whole.trunc();
                seconds += whole.fract() * SECS_PER_DAY;
            }
            Unit::Seconds(per) => seconds += value * per,
            Unit::Second => seconds += value,
        }
        index += consumed;
    }
    let sign = if ago { -1.0 } else { 1.0 };
    Some(Interval {
        months: (months * sign) as i64,
        days: (days * sign) as i64,
        micros: (seconds * USECS_PER_SEC * sign).round() as i64,
    })
}

/// Numbers, words and clock times as separate tokens: `1day` → `1`, `day`.
fn tokenize(text: &str) -> Option<Vec<String>> {
    let mut tokens = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        if word.is_empty() {
            continue;
        }
        if word.contains(':') {
            tokens.push(word.to_string());
            continue;
        }
        let split = word
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(word.len());
        let (number, unit) = word.split_at(split);
        if !number.is_empty() {
            number.parse::<f64>().ok()?;
            tokens.push(number.to_string());
        }
        if !unit.is_empty() {
            if !unit.chars().all(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            tokens.push(unit.to_string());
        }
    }
    Some(tokens)
}

/// `[-]h:mm[:ss[.fff]]` in seconds.
fn clock(token: &str) -> Option<f64> {
    let (negative, token) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token.strip_prefix('+').unwrap_or(token)),
    };
    let parts: Vec<&str> = token.split(':').collect();
    let number = |s: &str| s.parse::<f64>().ok();
    let seconds = match parts.as_slice() {
        [h, m] => number(h)? * SECS_PER_HOUR + number(m)? * SECS_PER_MINUTE,
        [h, m, s] => number(h)? * SECS_PER_HOUR + number(m)? * SECS_PER_MINUTE + number(s)?,
        _ => return None,
    };
    Some(if negative { -seconds } else { seconds })
}

enum Unit {
    /// Months per unit.
    Month(f64),
    /// Days per unit.
    Day(f64),
    /// Seconds per unit.
    Seconds(f64),
    Second,
}

/// The unit words `DecodeInterval` accepts (`deltatktbl` in the server).
fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "millennium" | "millennia" | "millenniums" | "mil" | "mils" => Unit::Month(12_000.0),
        "century" | "centuries" | "c" | "cent" => Unit::Month(1_200.0),
        "decade" | "decades" | "dec" | "decs" => Unit::Month(120.0),
        "year" | "years" | "y" | "yr" | "yrs" => Unit::Month(12.0),
        "month" | "months" | "mon" | "mons" => Unit::Month(1.0),
        "week" | "weeks" | "w" => Unit::Day(7.0),
        "day" | "days" | "d" => Unit::Day(1.0),
        "hour" | "hours" | "h" | "hr" | "hrs" => Unit::Seconds(SECS_PER_HOUR),
        "minute" | "minutes" | "m" | "min" | "mins" => Unit::Seconds(SECS_PER_MINUTE),
        "second" | "seconds" | "s" | "sec" | "secs" => Unit::Seconds(1.0),
        "millisecond" | "milliseconds" | "ms" | "msec" | "msecs" | "millisecon" => {
            Unit::Seconds(0.001)
        }
        "microsecond" | "microseconds" | "us" | "usec" | "usecs" | "microsecon" => {
            Unit::Seconds(0.000_001)
        }
        _ => return None,
    })
}

/// `EncodeInterval` with `IntervalStyle = postgres`.
fn format(interval: &Interval) -> String {
    let mut out = String::new();
    let mut is_zero = true;
    let mut is_before = false;
    let mut part = |value: i64, unit: &str, out: &mut String| {
        if value == 0 {
            return;
        }
        if !is_zero {
            out.push(' ');
        }
        if is_before && value > 0 {
            out.push('+');
        }
        let plural = if value != 1 { "s" } else { "" };
        out.push_str(&format!("{value} {unit}{plural}"));
        is_before = value < 0;
        is_zero = false;
    };
    part(interval.months / 12, "year", &mut out);
    part(interval.months % 12, "mon", &mut out);
    part(interval.days, "day", &mut out);
    let micros = interval.micros;
    if is_zero || micros != 0 {
        let total = micros.unsigned_abs();
        let hours = total / 3_600_000_000;
        let minutes = total / 60_000_000 % 60;
        let seconds = total / 1_000_000 % 60;
        let fraction = total % 1_000_000;
        if !is_zero {
            out.push(' ');
        }
        let sign = if micros < 0 {
            "-"
        } else if is_before {
            "+"
        } else {
            ""
        };
        out.push_str(&format!("{sign}{hours:02}:{minutes:02}:{seconds:02}"));
        if fraction != 0 {
            let digits = format!("{fraction:06}");
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::canonical_interval as c;

    #[test]
    fn prints_as_the_server_does() {
        for (written, printed) in [
            ("1 hour", "01:00:00"),
            ("01:00:00", "01:00:00"),
            ("1 day", "1 day"),
            ("30 days", "30 days"),
            ("1 week", "7 days"),
            ("2 weeks", "14 days"),
            ("1 month", "1 mon"),
            ("13 months", "1 year 1 mon"),
            ("1 year", "1 year"),
            (
                "2 years 3 mons 4 days 05:06:07",
                "2 years 3 mons 4 days 05:06:07",
            ),
            ("90 minutes", "01:30:00"),
            ("1.5 hours", "01:30:00"),
            ("1.5 days", "1 day 12:00:00"),
            ("1 day 2 hours", "1 day 02:00:00"),
            ("-1 day", "-1 days"),
            ("1 day ago", "-1 days"),
            ("-1 day +2 hours", "-1 days +02:00:00"),
            ("0", "00:00:00"),
            ("10", "00:00:10"),
            ("500 ms", "00:00:00.5"),
            ("@ 3 mins", "00:03:00"),
            ("1 hour 30 minutes", "01:30:00"),
            ("100 hours", "100:00:00"),
            ("1h", "01:00:00"),
            ("-00:30", "-00:30:00"),
        ] {
            assert_eq!(c(written).as_deref(), Some(printed), "{written}");
        }
        assert_eq!(c("P1D"), None);
        assert_eq!(c("soon"), None);
    }
}
