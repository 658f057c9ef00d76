//! Adding and subtracting whole tallies: every field of a [`Tally`] is a count or a sum, so the
//! tally of two groups together is the sum of theirs, and of a group without a part of it the
//! difference.

use super::{Count, Tally};

impl Tally {
    /// `self` without the people of `part` (a segment of it): every field is a sum, so the
    /// difference is the tally of the rest.
    pub(crate) fn minus(&self, part: &Tally) -> Tally {
        fn sub<const N: usize>(a: &[u32; N], b: &[u32; N]) -> [u32; N] {
            std::array::from_fn(|i| a[i].saturating_sub(b[i]))
        }
        fn sub_vec(a: &[u32], b: &[u32]) -> Vec<u32> {
            a.iter()
                .zip(b.iter().chain(std::iter::repeat(&0)))
                .map(|(x, y)| x.saturating_sub(*y))
                .collect()
        }
        Tally {
            people: self.people.saturating_sub(part.people),
            completion: self.completion.minus(part.completion),
            first_attempt: self.first_attempt.minus(part.first_attempt),
            compliance: self.compliance.minus(part.compliance),
            tickets: self.tickets.saturating_sub(part.tickets),
            exposure_minutes: self.exposure_minutes.saturating_sub(part.exposure_minutes),
            ability: self.ability.minus(part.ability),
            open_priority: self.open_priority.saturating_sub(part.open_priority),
            reasons: sub_vec(&self.reasons, &part.reasons),
            categories: sub_vec(&self.categories, &part.categories),
            assigned: self.assigned.saturating_sub(part.assigned),
            started: self.started.saturating_sub(part.started),
            completed: self.completed.saturating_sub(part.completed),
            quiz: (
                self.quiz.0.saturating_sub(part.quiz.0),
                self.quiz.1.saturating_sub(part.quiz.1),
            ),
            topics: self
                .topics
                .iter()
                .zip(part.topics.iter().chain(std::iter::repeat(&(0, 0))))
                .map(|(a, b)| (a.0.saturating_sub(b.0), a.1.saturating_sub(b.1)))
                .collect(),
            topic_modules: sub_vec(&self.topic_modules, &part.topic_modules),
            unfinished: sub_vec(&self.unfinished, &part.unfinished),
            respondents: self.respondents.saturating_sub(part.respondents),
            asked: self.asked.saturating_sub(part.asked),
            adkar: std::array::from_fn(|e| sub(&self.adkar[e], &part.adkar[e])),
            adkar_respondents: self
                .adkar_respondents
                .saturating_sub(part.adkar_respondents),
            barriers: sub(&self.barriers, &part.barriers),
            enroll: sub(&self.enroll, &part.enroll),
            sus_n: self.sus_n.saturating_sub(part.sus_n),
            sus_sum: self.sus_sum.saturating_sub(part.sus_sum),
            sus_sq: self.sus_sq.saturating_sub(part.sus_sq),
            nps: sub(&self.nps, &part.nps),
        }
    }

    /// Adds `other`, the tally of other people, to this one: every field is a sum.
    pub(crate) fn merge(&mut self, o: &Tally) {
        fn add<const N: usize>(a: &[u32; N], b: &[u32; N]) -> [u32; N] {
            std::array::from_fn(|i| a[i] + b[i])
        }
        fn add_vec(a: &[u32], b: &[u32]) -> Vec<u32> {
            let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            let mut out = long.to_vec();
            for (x, y) in out.iter_mut().zip(short) {
                *x += y;
            }
            out
        }
        let count = |a: Count, b: Count| Count {
            ok: a.ok + b.ok,
            n: a.n + b.n,
        };
        *self = Tally {
            people: self.people + o.people,
            completion: count(self.completion, o.completion),
            first_attempt: count(self.first_attempt, o.first_attempt),
            compliance: count(self.compliance, o.compliance),
            tickets: self.tickets + o.tickets,
            exposure_minutes: self.exposure_minutes + o.exposure_minutes,
            ability: count(self.ability, o.ability),
            open_priority: self.open_priority + o.open_priority,
            reasons: add_vec(&self.reasons, &o.reasons),
            categories: add_vec(&self.categories, &o.categories),
            assigned: self.assigned + o.assigned,
            started: self.started + o.started,
            completed: self.completed + o.completed,
            quiz: (self.quiz.0 + o.quiz.0, self.quiz.1 + o.quiz.1),
            topics: {
                let (long, short) = if self.topics.len() >= o.topics.len() {
                    (&self.topics, &o.topics)
                } else {
                    (&o.topics, &self.topics)
                };
                let mut out = long.clone();
                for (x, y) in out.iter_mut().zip(short) {
                    *x = (x.0 + y.0, x.1 + y.1);
                }
                out
            },
            topic_modules: add_vec(&self.topic_modules, &o.topic_modules),
            unfinished: add_vec(&self.unfinished, &o.unfinished),
            respondents: self.respondents + o.respondents,
            asked: self.asked + o.asked,
            adkar: std::array::from_fn(|e| add(&self.adkar[e], &o.adkar[e])),
            adkar_respondents: self.adkar_respondents + o.adkar_respondents,
            barriers: add(&self.barriers, &o.barriers),
            enroll: add(&self.enroll, &o.enroll),
            sus_n: self.sus_n + o.sus_n,
            sus_sum: self.sus_sum + o.sus_sum,
            sus_sq: self.sus_sq + o.sus_sq,
            nps: add(&self.nps, &o.nps),
        };
    }
}
