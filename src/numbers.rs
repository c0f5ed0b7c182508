//! Numbers written for people: rounded, trailing zeros dropped, thousands grouped; and
//! read back from what people type.
//!
//! Both go through integers on purpose: Rust's float formatting adds about 20 KB to the
//! WebAssembly download and its float parsing an 11 KB table, while every figure here is a
//! homework estimate that needs at most a few decimals.

/// A plain decimal number: optional sign, digits with at most one `.`, optional exponent
/// (`1e6`). Exact for up to 19 significant digits; beyond that the extra digits only
/// scale the value. `None` for anything else, including `inf` and `NaN`.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (mut mantissa, mut scale, mut digits, mut seen_point) = (0u64, 0i32, 0usize, false);
    for byte in number.bytes() {
        match byte {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(byte - b'0');
                    scale -= i32::from(seen_point);
                } else {
                    scale += i32::from(!seen_point);
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    if let Some(exponent) = exponent {
        let (sign, exponent) = match exponent.as_bytes().first()? {
            b'-' => (-1, &exponent[1..]),
            b'+' => (1, &exponent[1..]),
            _ => (1, exponent),
        };
        if exponent.is_empty() || exponent.len() > 3 || !exponent.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        scale += sign * exponent.bytes().fold(0i32, |n, b| n * 10 + i32::from(b - b'0'));
    }
    let magnitude = if scale < 0 { mantissa as f64 / 10f64.powi(-scale) } else { mantissa as f64 * 10f64.powi(scale) };
    let value = if negative { -magnitude } else { magnitude };
    value.is_finite().then_some(value)
}

/// `n` rounded to at most `max_decimals` decimals, without trailing zeros: `2.5`, `1200`.
pub fn plain(n: f64, max_decimals: u32) -> String {
    format_number(n, max_decimals, "")
}

/// Like [`plain`], with thousands separated by commas: `1,234,567.5`.
pub fn grouped(n: f64, max_decimals: u32) -> String {
    format_number(n, max_decimals, ",")
}

/// An amount of money: grouped, and with cents whenever it is not whole: `$1,234`, `$10.50`.
pub fn money(amount: f64) -> String {
    with_cents(format!("${}", grouped(amount, 2)))
}

/// `$10.5` as `$10.50`: a fraction of one digit gets its second.
fn with_cents(mut text: String) -> String {
    if text.len() >= 2 && text.as_bytes()[text.len() - 2] == b'.' {
        text.push('0');
    }
    text
}

/// A money answer written as an amount, the way the app writes every amount: `$100` for
/// "100" or "$100", `$2.50` for "2.5", `$1,500` for "1500". Keeps the decimals typed
/// (a price of `$0.0015` per 1K tokens stays readable). `None` when the text is not a
/// number; the caller then shows it as typed.
pub fn money_as_typed(text: &str) -> Option<String> {
    let amount = parse_number(text)?;
    let decimals = text.rsplit_once('.').map_or(0, |(_, after)| after.bytes().take_while(u8::is_ascii_digit).count());
    Some(with_cents(format!("${}", grouped(amount, decimals.clamp(2, 6) as u32))))
}

/// Reads a number out of what a person typed: ignores thousands separators, currency signs
/// and surrounding space. Returns `None` for anything else rather than guessing.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['$', '€', '£'])
        .chars()
        .filter(|c| *c != ',' && *c != '_' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    parse_decimal(&cleaned)
}

fn format_number(n: f64, max_decimals: u32, separator: &str) -> String {
    if !n.is_finite() {
        return "–".to_owned();
    }
    // u64, not u128: 128-bit division is a library call that costs the download kilobytes.
    let scale = 10u64.pow(max_decimals.min(6));
    // `as` saturates, so absurdly large inputs print as the largest value, never wrap.
    let scaled = (n.abs() * scale as f64).round() as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);

    let digits = whole.to_string();
    let mut text = String::with_capacity(digits.len() + 8);
    if n < 0.0 && scaled != 0 {
        text.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push_str(separator);
        }
        text.push(digit);
    }
    if fraction != 0 {
        let width = max_decimals.min(6) as usize;
        let decimals = format!("{fraction:0width$}");
        text.push('.');
        text.push_str(decimals.trim_end_matches('0'));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_drops_trailing_zeros() {
        assert_eq!(plain(2.5, 2), "2.5");
        assert_eq!(plain(2.0, 2), "2");
        assert_eq!(plain(0.125, 2), "0.13");
        assert_eq!(plain(0.004, 2), "0");
        assert_eq!(plain(-0.004, 2), "0");
        assert_eq!(plain(-3.25, 1), "-3.3");
        assert_eq!(plain(1234.0, 0), "1234");
        assert_eq!(plain(0.05, 2), "0.05");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(999.0, 2), "999");
        assert_eq!(grouped(1000.0, 2), "1,000");
        assert_eq!(grouped(1234567.891, 2), "1,234,567.89");
        assert_eq!(grouped(-45000.0, 0), "-45,000");
        assert_eq!(grouped(f64::NAN, 2), "–");
    }

    #[test]
    fn reads_plain_decimals() {
        assert_eq!(parse_decimal("1500"), Some(1500.0));
        assert_eq!(parse_decimal("0.01"), Some(0.01));
        assert_eq!(parse_decimal("-3.25"), Some(-3.25));
        assert_eq!(parse_decimal("+2."), Some(2.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("1e6"), Some(1_000_000.0));
        assert_eq!(parse_decimal("2.5E-3"), Some(0.0025));
        assert_eq!(parse_decimal("12345678901234567890123"), Some(1.2345678901234567e22));
        for bad in ["", "-", ".", "1.2.3", "1e", "1e1000", "inf", "NaN", "1 2", "0x10", "12a"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_numbers_as_people_type_them() {
        assert_eq!(parse_number("1,000"), Some(1000.0));
        assert_eq!(parse_number(" $2.50 "), Some(2.5));
        assert_eq!(parse_number("10 000"), Some(10000.0));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("lots"), None);
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn money_answers_are_written_as_amounts() {
        assert_eq!(money_as_typed("100").as_deref(), Some("$100"));
        assert_eq!(money_as_typed("$100").as_deref(), Some("$100"));
        assert_eq!(money_as_typed(" 1500 ").as_deref(), Some("$1,500"));
        assert_eq!(money_as_typed("2.5").as_deref(), Some("$2.50"));
        assert_eq!(money_as_typed("$0.0015").as_deref(), Some("$0.0015"));
        assert_eq!(money_as_typed("1,000.00").as_deref(), Some("$1,000"));
        assert_eq!(money_as_typed("about 100"), None);
    }

    #[test]
    fn money_shows_cents_only_when_there_are_some() {
        assert_eq!(money(10.5), "$10.50");
        assert_eq!(money(21000.0), "$21,000");
        assert_eq!(money(0.125), "$0.13");
        assert_eq!(money(-3.1), "$-3.10");
    }
}
