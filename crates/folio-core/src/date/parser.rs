//! The hand-written date parser behind [`Date::parse`](super::Date::parse).

use super::{Date, DateError};

/// A cursor over the (trimmed) date text. Only ASCII bytes are ever matched, so non-ASCII input
/// simply fails to match; it can never split a character.
pub(super) struct Parser<'a> {
    input: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    /// A parser over `input`, which the caller has trimmed.
    pub(super) fn new(input: &'a str) -> Self {
        Parser {
            input,
            bytes: input.as_bytes(),
            at: 0,
        }
    }

    /// Reads the whole input as a date.
    pub(super) fn date(mut self) -> Result<Date, DateError> {
        let year = self.number(4, 4, "a four-digit year")?;
        let separator = match self.peek() {
            Some(byte @ (b'-' | b'/')) => byte,
            _ => return Err(self.malformed("`-` or `/` after the year")),
        };
        self.at += 1;
        let month = self.number(1, 2, "a month number")?;
        if !self.eat(separator) {
            return Err(
                self.malformed("the same separator between month and day as after the year")
            );
        }
        let day = self.number(1, 2, "a day number")?;
        // Ranges are checked before the rest of the syntax, so `2021-13-45` says "month 13". Month
        // and day have at most two digits, so they fit a `u8`.
        let date = Date::new(year, month as u8, day as u8)?;
        if self.at == self.bytes.len() {
            return Ok(date);
        }

        if !(self.eat(b'T') || self.eat(b't') || self.skip_spaces()) {
            return Err(self.malformed("`T` or a space between the date and the time"));
        }
        let hour = self.number(1, 2, "an hour")?;
        if !self.eat(b':') {
            return Err(self.malformed("`:` between hour and minute"));
        }
        let minute = self.number(2, 2, "two-digit minutes")?;
        let second = if self.eat(b':') {
            self.number(2, 2, "two-digit seconds")?
        } else {
            0
        };
        if self.eat(b'.') && self.skip_digits() == 0 {
            return Err(self.malformed("digits after the decimal point"));
        }
        let date = date.with_time(hour as u8, minute as u8, second as u8)?;

        self.skip_spaces();
        if self.at == self.bytes.len() {
            return Ok(date);
        }
        let offset = self.offset()?;
        if self.at != self.bytes.len() {
            return Err(self.malformed("nothing after the UTC offset"));
        }
        date.with_offset(offset)
    }

    /// `Z`, `+08:00`, `+0800` or `+08`, as minutes east of UTC.
    fn offset(&mut self) -> Result<i16, DateError> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Ok(0);
        }
        let start = self.at;
        let sign = match self.peek() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Err(self.malformed("a UTC offset like +08:00 or Z after the time")),
        };
        self.at += 1;
        let hours = self.number(2, 2, "two-digit offset hours like +08:00")?;
        let minutes = if self.eat(b':') || self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.number(2, 2, "two-digit offset minutes like +08:00")?
        } else {
            0
        };
        if hours > 23 || minutes > 59 {
            return Err(DateError::OffsetOutOfRange {
                text: self.input[start..self.at].to_owned(),
            });
        }
        // In range: at most 23 * 60 + 59, which fits an i16.
        Ok(sign * (hours * 60 + minutes) as i16)
    }

    /// Between `min` and `max` ASCII digits (`max` is at most 4, so the value fits a `u16`).
    fn number(&mut self, min: usize, max: usize, what: &'static str) -> Result<u16, DateError> {
        let start = self.at;
        let mut value = 0u16;
        while self.at - start < max {
            match self.peek() {
                Some(byte) if byte.is_ascii_digit() => {
                    value = value * 10 + u16::from(byte - b'0');
                    self.at += 1;
                }
                _ => break,
            }
        }
        let digits = self.at - start;
        if digits < min {
            self.at = start;
            return Err(self.malformed(what));
        }
        Ok(value)
    }

    fn skip_digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn skip_spaces(&mut self) -> bool {
        let start = self.at;
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
        self.at > start
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn malformed(&self, expected: &'static str) -> DateError {
        DateError::Malformed {
            input: self.input.to_owned(),
            expected,
        }
    }
}
