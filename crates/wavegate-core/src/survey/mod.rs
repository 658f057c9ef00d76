//! Surveys: definitions, question types, conditions, responses, templates, scoring and exports.
