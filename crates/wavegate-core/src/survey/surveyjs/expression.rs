//! SurveyJS `visibleIf` expressions: a tokenizer and a small recursive-descent parser for the
//! subset that maps onto show-if conditions (comparisons, `and`, `or`, `not`, `anyof`).

use super::*;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Var(String),
    Str(String),
    Num(i64),
    Bool(bool),
    Word(String),
    Op(String),
    Open,
    Close,
    LBracket,
    RBracket,
    Comma,
}

fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '{' => {
                let end = chars[i..]
                    .iter()
                    .position(|c| *c == '}')
                    .map_or(chars.len(), |p| i + p);
                out.push(Tok::Var(
                    chars[i + 1..end.min(chars.len())].iter().collect(),
                ));
                i = end + 1;
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|x| *x == c)
                    .map_or(chars.len(), |p| i + 1 + p);
                out.push(Tok::Str(
                    chars[i + 1..end.min(chars.len())].iter().collect(),
                ));
                i = end + 1;
            }
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            '[' => {
                out.push(Tok::LBracket);
                i += 1;
            }
            ']' => {
                out.push(Tok::RBracket);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '=' | '!' | '<' | '>' => {
                let mut op = c.to_string();
                if let Some(n) = chars.get(i + 1).filter(|n| matches!(n, '=' | '>')) {
                    op.push(*n);
                    i += 1;
                }
                out.push(Tok::Op(op));
                i += 1;
            }
            '&' | '|' => {
                let double = chars.get(i + 1) == Some(&c);
                out.push(Tok::Word(if c == '&' { "and" } else { "or" }.to_string()));
                i += if double { 2 } else { 1 };
            }
            _ => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || chars[i] == '.' || chars[i] == '-')
                {
                    i += 1;
                }
                if i == start {
                    out.push(Tok::Word(c.to_string()));
                    i += 1;
                    continue;
                }
                let word: String = chars[start..i].iter().collect();
                let lower = word.to_lowercase();
                out.push(match lower.as_str() {
                    "true" => Tok::Bool(true),
                    "false" => Tok::Bool(false),
                    _ => match word.parse::<i64>() {
                        Ok(n) => Tok::Num(n),
                        Err(_) => Tok::Word(lower),
                    },
                });
            }
        }
    }
    out
}

/// How deep `not` and parentheses may nest. Each level is a level of the stored condition's
/// JSON, which serde_json reads back only to 128 levels, and of the parser's recursion: a
/// 200,000-fold `!` overflowed the server's stack, and 130 `not`s stored a survey that could
/// never be read again. Real conditions nest two or three deep.
pub(super) const MAX_DEPTH: usize = 32;

/// The condition an expression states, given the questions imported so far (name → id and
/// choice values → ids); `None` when it is outside the supported subset, which includes
/// nesting deeper than [`MAX_DEPTH`].
pub(super) fn parse(
    expr: &str,
    names: &BTreeMap<String, (String, BTreeMap<String, String>)>,
) -> Option<Condition> {
    Parser {
        tokens: tokenize(expr),
        pos: 0,
        depth: 0,
        names,
    }
    .parse()
}

struct Parser<'a> {
    tokens: Vec<Tok>,
    pos: usize,
    /// `not`s and open parentheses around the current position.
    depth: usize,
    names: &'a BTreeMap<String, (String, BTreeMap<String, String>)>,
}

impl Parser<'_> {
    fn parse(mut self) -> Option<Condition> {
        let c = self.or()?;
        (self.pos == self.tokens.len()).then_some(c)
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }

    fn or(&mut self) -> Option<Condition> {
        let mut parts = vec![self.and()?];
        while self.word("or") {
            self.pos += 1;
            parts.push(self.and()?);
        }
        Some(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::Any(parts)
        })
    }

    fn and(&mut self) -> Option<Condition> {
        let mut parts = vec![self.unary()?];
        while self.word("and") {
            self.pos += 1;
            parts.push(self.unary()?);
        }
        Some(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::All(parts)
        })
    }

    fn unary(&mut self) -> Option<Condition> {
        let negated = self.word("not") || matches!(self.peek(), Some(Tok::Op(o)) if o == "!");
        let grouped = self.peek() == Some(&Tok::Open);
        if !negated && !grouped {
            return self.comparison();
        }
        if self.depth == MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        self.depth += 1;
        let inner = if negated {
            self.unary().map(|c| Condition::Not(Box::new(c)))
        } else {
            self.or().filter(|_| self.next() == Some(Tok::Close))
        };
        self.depth -= 1;
        inner
    }

    fn value(&mut self, choices: &BTreeMap<String, String>) -> Option<Scalar> {
        Some(match self.next()? {
            Tok::Str(s) => Scalar::Str(choices.get(&s).cloned().unwrap_or(s)),
            Tok::Num(n) => choices
                .get(&n.to_string())
                .map_or(Scalar::Int(n), |id| Scalar::Str(id.clone())),
            Tok::Bool(b) => Scalar::Bool(b),
            _ => return None,
        })
    }

    fn list(&mut self, choices: &BTreeMap<String, String>) -> Option<Vec<Scalar>> {
        if self.next()? != Tok::LBracket {
            return None;
        }
        let mut out = Vec::new();
        loop {
            if self.peek() == Some(&Tok::RBracket) {
                self.pos += 1;
                return Some(out);
            }
            out.push(self.value(choices)?);
            if self.peek() == Some(&Tok::Comma) {
                self.pos += 1;
            }
        }
    }

    fn comparison(&mut self) -> Option<Condition> {
        let Some(Tok::Var(name)) = self.next() else {
            return None;
        };
        let (id, choices) = self.names.get(&name)?.clone();
        let answer = |test| {
            Some(Condition::Answer {
                question: id.clone(),
                test,
            })
        };
        match self.next()? {
            Tok::Word(w) if w == "notempty" => answer(Test::Answered(true)),
            Tok::Word(w) if w == "empty" => answer(Test::Answered(false)),
            Tok::Word(w) if w == "contains" || w == "notcontains" => {
                let v = match self.value(&choices)? {
                    Scalar::Str(s) => s,
                    other => other.as_text(),
                };
                let c = Condition::Answer {
                    question: id.clone(),
                    test: Test::Includes(v),
                };
                Some(if w == "contains" {
                    c
                } else {
                    Condition::Not(Box::new(c))
                })
            }
            Tok::Word(w) if w == "anyof" => answer(Test::OneOf(self.list(&choices)?)),
            Tok::Op(op) => {
                let v = self.value(&choices)?;
                let n = match &v {
                    Scalar::Int(n) => Some(*n),
                    _ => None,
                };
                match op.as_str() {
                    "=" | "==" => answer(Test::Equals(v)),
                    "!=" | "<>" => answer(Test::NotEquals(v)),
                    ">" => answer(Test::AtLeast(n?.checked_add(1)?)),
                    ">=" => answer(Test::AtLeast(n?)),
                    "<" => answer(Test::AtMost(n?.checked_sub(1)?)),
                    "<=" => answer(Test::AtMost(n?)),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}
