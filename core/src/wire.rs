//! The wire form: a compact binary encoding of a checked data set, hindsight layer or list of problems, in which the
//! build hands the bundled data set to the app and the on-demand module hands back what it has checked.
//!
//! Only values that have passed the validator are encoded; decoding trusts their content but never their shape: a
//! truncated, padded or foreign byte string is an error, never a panic or an allocation larger than its input.
//!
//! The encoding: a 4-byte magic naming the kind of value, a version byte, then the fields in declaration order.
//! Integers are LEB128, strings a length and UTF-8 bytes, options a 0/1 byte, lists a length then the elements,
//! field-less enums their position in a fixed list of their variants, pairs their two halves, and a checker's outcome
//! a 0 (accepted, then the value and its warnings) or a 1 (refused, then the problems).

use crate::model::{
    Article, Category, DataSet, Event, Feasibility, FeasibilityLevel, Hindsight, HindsightEntry,
    Item, Outcome, Person, Quotation, Section, Term, Verdict, Vocabularies,
};
use crate::validate::{Problem, ProblemCount, Severity};

/// The version of the encoding; bump it whenever a field is added, removed or reordered.
const VERSION: u8 = 1;

/// Why a byte string is not a value of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub &'static str);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a Summit Fruits wire value: {}", self.0)
    }
}

/// A value that can be written to and read from the wire form.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(input: &mut Reader<'_>) -> Result<Self, WireError>;
}

/// Reads values from a byte string, front to back.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, WireError> {
        let (&first, rest) = self.bytes.split_first().ok_or(WireError("it ends early"))?;
        self.bytes = rest;
        Ok(first)
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        if n > self.bytes.len() {
            return Err(WireError("a length runs past its end"));
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(taken)
    }

    /// A length that cannot be larger than what is left (each element takes at least one byte), so no list
    /// reserves more than its input could hold.
    fn length(&mut self) -> Result<usize, WireError> {
        let n = usize::take(self)?;
        if n > self.bytes.len() {
            return Err(WireError("a length runs past its end"));
        }
        Ok(n)
    }
}

/// Encodes a value of one of the wire's top-level kinds.
pub fn encode<T: TopLevel>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(T::MAGIC);
    out.push(VERSION);
    value.put(&mut out);
    out
}

/// A reader of `bytes` past their header, which must be that of a `T` of this version.
fn opened<T: TopLevel>(bytes: &[u8]) -> Result<Reader<'_>, WireError> {
    let mut input = Reader { bytes };
    if input.bytes(4).ok() != Some(T::MAGIC) {
        return Err(WireError("it is not the expected kind of value"));
    }
    if input.byte()? != VERSION {
        return Err(WireError("it was written by another version"));
    }
    Ok(input)
}

/// `value`, when `input` has nothing left after it.
fn whole<T>(input: &Reader<'_>, value: T) -> Result<T, WireError> {
    if input.bytes.is_empty() {
        Ok(value)
    } else {
        Err(WireError("bytes follow the value"))
    }
}

/// Decodes a value of one of the wire's top-level kinds; the whole input must be that one value.
pub fn decode<T: TopLevel>(bytes: &[u8]) -> Result<T, WireError> {
    let mut input = opened::<T>(bytes)?;
    let value = T::take(&mut input)?;
    whole(&input, value)
}

/// Reads no more of a [`HindsightOutcome`] than whether it refused the layer: the problems when it did, `None` when it
/// accepted it. The layer itself stays in the bytes, for the on-demand module, which draws it; the app only hands
/// them on.
pub fn hindsight_refusal(bytes: &[u8]) -> Result<Option<Vec<Problem>>, WireError> {
    let mut input = opened::<HindsightOutcome>(bytes)?;
    match input.byte()? {
        0 => Ok(None),
        1 => {
            let problems = Vec::<Problem>::take(&mut input)?;
            whole(&input, Some(problems))
        }
        _ => Err(WireError("an outcome is neither 0 nor 1")),
    }
}

/// Decodes a [`DataSetOutcome`] and, when it is accepted, also gives the data set's own wire form (as [`encode`] writes
/// a [`DataSet`]), cut out of the outcome's bytes, so that a data set can be handed on without being encoded again.
#[allow(clippy::type_complexity)]
pub fn decode_data_set_outcome(
    bytes: &[u8],
) -> Result<Result<(DataSet, Vec<Problem>, Vec<u8>), Vec<Problem>>, WireError> {
    let mut input = opened::<DataSetOutcome>(bytes)?;
    let outcome = match input.byte()? {
        0 => {
            let start = input.bytes;
            let data = DataSet::take(&mut input)?;
            let fields = &start[..start.len() - input.bytes.len()];
            let warnings = Vec::<Problem>::take(&mut input)?;
            let mut own = Vec::with_capacity(fields.len() + 5);
            own.extend_from_slice(<DataSet as TopLevel>::MAGIC);
            own.push(VERSION);
            own.extend_from_slice(fields);
            Ok((data, warnings, own))
        }
        1 => Err(Vec::<Problem>::take(&mut input)?),
        _ => return Err(WireError("an outcome is neither 0 nor 1")),
    };
    whole(&input, outcome)
}

/// The kinds of value that are encoded on their own, each with its magic.
pub trait TopLevel: Wire {
    const MAGIC: &'static [u8; 4];
}

impl TopLevel for DataSet {
    const MAGIC: &'static [u8; 4] = b"SFds";
}

impl TopLevel for Hindsight {
    const MAGIC: &'static [u8; 4] = b"SFhs";
}

impl TopLevel for Vec<Problem> {
    const MAGIC: &'static [u8; 4] = b"SFpr";
}

/// What the checker says of a data set: accepted with its warnings, or refused with every problem (the shape of
/// [`crate::validate::parse_and_validate`]'s result).
pub type DataSetOutcome = Result<(DataSet, Vec<Problem>), Vec<Problem>>;

/// What the checker says of a hindsight file, likewise.
pub type HindsightOutcome = Result<(Hindsight, Vec<Problem>), Vec<Problem>>;

impl TopLevel for DataSetOutcome {
    const MAGIC: &'static [u8; 4] = b"SFdo";
}

impl TopLevel for HindsightOutcome {
    const MAGIC: &'static [u8; 4] = b"SFho";
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        let first = A::take(input)?;
        Ok((first, B::take(input)?))
    }
}

impl<T: Wire, E: Wire> Wire for Result<T, E> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Ok(value) => {
                out.push(0);
                value.put(out);
            }
            Err(problems) => {
                out.push(1);
                problems.put(out);
            }
        }
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        match input.byte()? {
            0 => T::take(input).map(Ok),
            1 => E::take(input).map(Err),
            _ => Err(WireError("an outcome is neither 0 nor 1")),
        }
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        let mut n = *self as u64;
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(low);
                return;
            }
            out.push(low | 0x80);
        }
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = input.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return usize::try_from(n).map_err(|_| WireError("a number is too large"));
            }
        }
        Err(WireError("a number is too long"))
    }
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        input.byte()
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        match input.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(WireError("a flag is neither 0 nor 1")),
        }
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        let n = input.length()?;
        let bytes = input.bytes(n)?;
        std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| WireError("a text is not UTF-8"))
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        match input.byte()? {
            0 => Ok(None),
            1 => T::take(input).map(Some),
            _ => Err(WireError("an option is neither 0 nor 1")),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for value in self {
            value.put(out);
        }
    }

    fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
        let n = input.length()?;
        let mut values = Vec::with_capacity(n);
        for _ in 0..n {
            values.push(T::take(input)?);
        }
        Ok(values)
    }
}

/// Field-less enums travel as their position in a fixed list of their variants.
macro_rules! wire_enum {
    ($name:ident: [$($variant:expr),+ $(,)?]) => {
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                const VARIANTS: &[$name] = &[$($variant),+];
                let index = VARIANTS.iter().position(|v| v == self).unwrap_or(0);
                out.push(index as u8);
            }

            fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
                const VARIANTS: &[$name] = &[$($variant),+];
                VARIANTS
                    .get(usize::from(input.byte()?))
                    .copied()
                    .ok_or(WireError("an unknown variant"))
            }
        }
    };
}

wire_enum!(Category: [Category::LowHanging, Category::HighHanging, Category::Unilateral, Category::Risk]);
wire_enum!(Verdict: [Verdict::BorneOut, Verdict::Partly, Verdict::NotBorneOut, Verdict::Overtaken]);
wire_enum!(Severity: [Severity::Error, Severity::Warning]);

/// Structs travel as their fields in the order listed; the struct literal makes the list complete, since a field
/// left out does not compile.
macro_rules! wire_struct {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                $( self.$field.put(out); )+
            }

            fn take(input: &mut Reader<'_>) -> Result<Self, WireError> {
                Ok($name { $( $field: Wire::take(input)?, )+ })
            }
        }
    };
}

wire_struct!(DataSet {
    article,
    feasibility_scale,
    vocabularies,
    items,
    events
});
wire_struct!(Article {
    title,
    author,
    outlet,
    kind,
    published,
    url,
    citation,
    focus_event,
    sections
});
wire_struct!(Section {
    id,
    heading,
    paragraphs
});
wire_struct!(FeasibilityLevel {
    level,
    label,
    description
});
wire_struct!(Vocabularies {
    categories,
    domains,
    actors
});
wire_struct!(Term {
    id,
    label,
    description
});
wire_struct!(Item {
    id,
    title,
    summary,
    category,
    feasibility,
    domains,
    actors,
    people,
    evidence,
    related
});
wire_struct!(Feasibility {
    level,
    rationale,
    reading_note
});
wire_struct!(Person { name, role });
wire_struct!(Quotation {
    quote,
    section,
    paragraph
});
wire_struct!(Event {
    id,
    date,
    end_date,
    title,
    quote,
    section,
    paragraph,
    items
});
wire_struct!(Hindsight {
    article_url,
    entries,
    outcomes
});
wire_struct!(HindsightEntry {
    id,
    date,
    text,
    source,
    items,
    background
});
wire_struct!(Outcome {
    item,
    verdict,
    reason,
    entries
});
wire_struct!(Problem {
    path,
    message,
    severity,
    omitted
});
wire_struct!(ProblemCount { errors, warnings });
