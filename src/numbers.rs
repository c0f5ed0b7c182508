//! Numbers written for people: rounded, trailing zeros dropped, thousands grouped.
//!
//! Formatting goes through integers on purpose: Rust's float formatting adds about 20 KB
//! to the WebAssembly download, and every figure the app prints needs at most a few
//! decimals.

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
    let mut text = grouped(amount, 2);
    if text.len() >= 2 && text.as_bytes()[text.len() - 2] == b'.' {
        text.push('0');
    }
    format!("${text}")
}

fn format_number(n: f64, max_decimals: u32, separator: &str) -> String {
    if !n.is_finite() {
        return "–".to_owned();
    }
    let scale = 10u128.pow(max_decimals.min(6));
    // `as` saturates, so absurdly large inputs print as the largest value, never wrap.
    let scaled = (n.abs() * scale as f64).round() as u128;
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
    fn money_shows_cents_only_when_there_are_some() {
        assert_eq!(money(10.5), "$10.50");
        assert_eq!(money(21000.0), "$21,000");
        assert_eq!(money(0.125), "$0.13");
        assert_eq!(money(-3.1), "$-3.10");
    }
}
