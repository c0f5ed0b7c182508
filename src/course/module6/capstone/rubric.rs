//! The guide's "Capstone Evaluation Criteria" (Module Appendix C): four criteria of 5 points,
//! certification at 14 of 20. Each criterion names the proposal's sections it reads and the
//! success criteria whose automatic result is its evidence (indexes into `CAPSTONE.criteria`,
//! checked by the test below).

use crate::course::{Rubric, RubricCriterion};

pub const RUBRIC: Rubric = Rubric {
    criteria: &[
        RubricCriterion {
            id: "platform_analysis",
            title: "Platform Analysis",
            points: 5,
            look_for: &[
                "Comprehensive comparison with weighted scoring",
                "Clear recommendation with rationale",
                "Client-specific factors addressed",
            ],
            sections: &["platform"],
            // Platforms compared with weighted scoring; the client named, not generic; cost
            // scores that follow the break-even rule (one of the calculators).
            evidence: &[1, 7, 10],
        },
        RubricCriterion {
            id: "security_architecture",
            title: "Security Architecture",
            points: 5,
            look_for: &["Defense-in-depth with all layers", "AI-specific controls", "Compliance mapping"],
            sections: &["security", "data_protection"],
            // Security covers five layers, AI-specific risks, a compliance mapping.
            evidence: &[2],
        },
        RubricCriterion {
            id: "cost_operations",
            title: "Cost & Operations",
            points: 5,
            look_for: &[
                "Detailed cost model with projections",
                "Operational procedures documented",
                "Realistic scaling plan",
            ],
            sections: &["cost", "scaling", "reliability", "operations"],
            // Cost projections; 2.1 and 2.2 carried over; plausible figures that agree across
            // the exercises and hold under the calculators.
            evidence: &[3, 4, 8, 9, 10],
        },
        RubricCriterion {
            id: "proposal_quality",
            title: "Proposal Quality",
            points: 5,
            look_for: &[
                "Client-ready presentation quality",
                "All components integrated",
                "Realistic roadmap and next steps",
            ],
            sections: &["client", "business_case", "deployment", "diagrams", "decisions", "risks", "team", "roadmap"],
            // Every section answered; an architecture diagram; no placeholder text; synthesis,
            // not copy-paste; the case for a decision made.
            evidence: &[0, 5, 6, 11, 12],
        },
    ],
    pass_mark: 14,
};

#[cfg(test)]
mod tests {
    use super::super::CAPSTONE;
    use super::*;

    #[test]
    fn the_rubric_points_at_real_sections_and_criteria() {
        let total: u32 = RUBRIC.criteria.iter().map(|c| c.points).sum();
        assert_eq!((total, RUBRIC.pass_mark), (20, 14), "the guide: 14/20 minimum");
        for criterion in RUBRIC.criteria {
            for section in criterion.sections {
                assert!(CAPSTONE.section(section).is_some(), "{}: no section {section}", criterion.id);
            }
            for index in criterion.evidence {
                assert!(*index < CAPSTONE.criteria.len(), "{}: no criterion {index}", criterion.id);
            }
        }
        assert!(CAPSTONE.criteria[1].text.starts_with("Platforms compared"));
        assert!(CAPSTONE.criteria[2].text.starts_with("Security"));
        assert!(CAPSTONE.criteria[3].text.starts_with("Cost projections"));
        assert!(CAPSTONE.criteria[5].text.contains("diagram"));
        assert!(CAPSTONE.criteria[10].text.starts_with("The figures hold"));
        assert!(CAPSTONE.criteria[11].text.starts_with("Synthesis"));
        assert!(CAPSTONE.criteria[12].text.starts_with("The case for a decision"));
    }
}
