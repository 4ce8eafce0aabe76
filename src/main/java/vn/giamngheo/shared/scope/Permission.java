package vn.giamngheo.shared.scope;

/**
 * What a user may do: the actions of the permission matrix (ADR 0016). A role grants a
 * set of these ({@code identity.RoleMatrix}); the data scope says where. Services check
 * both (the role first, 403; then the scope: invisible 404, visible but not writable
 * 403). Shown to users by name from the bundles ({@code permission.<NAME>}), never by
 * this code.
 */
public enum Permission {

	/**
	 * Read within the view scope: lists, households (masked by role), reports,
	 * dashboards.
	 */
	READ,
	/** One's own account: personal access tokens. */
	OWN_ACCOUNT,
	/** Edit the household registry: households, members, voiding. */
	REGISTRY_EDIT,
	/** Import household files: upload, dry run, mapping, commit, revert. */
	REGISTRY_IMPORT,
	/** Export household lists with personal data in bulk (XLSX, CSV). */
	HOUSEHOLD_EXPORT,
	/**
	 * Edit units: create villages, unit attributes (urban/rural, terrain...), boundaries.
	 */
	UNIT_EDIT,
	/** Open an annual review for a province. */
	REVIEW_OPEN,
	/** Review step 1: the worklist, Phiếu A, assigning villages to reviewers. */
	REVIEW_WORKLIST,
	/** Review step 2: survey capture (Phiếu B, Phiếu C). */
	REVIEW_SURVEY,
	/** Review step 3: the village meeting and its votes. */
	REVIEW_MEETING,
	/** Review step 4: public posting. */
	REVIEW_POSTING,
	/** Complaints during the review: record and answer. */
	REVIEW_COMPLAINTS,
	/**
	 * Review step 5: the commune chairman's recognition decision and the commune's
	 * submission.
	 */
	REVIEW_RECOGNITION,
	/**
	 * Approval or return at the district level (communes under a district, before 1 July
	 * 2025).
	 */
	REVIEW_DISTRICT_APPROVAL,
	/** Approval, return and reopening at the province level. */
	REVIEW_PROVINCE_APPROVAL,
	/** In-year requests (Mẫu 01, Mẫu 04): receive, survey, decide, refuse. */
	IN_YEAR_REQUESTS,
	/**
	 * Record support delivered to a household; a partner only the support of its own
	 * agency.
	 */
	SUPPORT_RECORD,
	/**
	 * Generate the eligibility lists of a commune on demand (issue 16); they are also
	 * generated after every recognition decision.
	 */
	SUPPORT_LISTS,
	/** Register a household's or member's demand for support (issue 16). */
	SUPPORT_DEMAND,
	/** Register a household's exit plan and record its checkpoints (issue 17). */
	EXIT_PLANS,
	/** Approve or reject an exit plan (not one's own registration). */
	EXIT_PLAN_APPROVAL,
	/** Record and import household events (shocks) (issue 17). */
	HOUSEHOLD_EVENTS,
	/** Register and edit poverty-reduction models and their participants (issue 17). */
	POVERTY_MODELS,
	/** Enter programme plans, funds by source and entered outputs (issue 18). */
	PROGRAMME_FUNDS,
	/** Approve or return entered programme funds and outputs (not one's own). */
	PROGRAMME_APPROVAL,
	/** Prepare, submit and correct the programme's monitoring reports (Mẫu 01). */
	PROGRAMME_REPORTS,
	/** Enter indicator values. */
	TARGET_ENTRY,
	/** Approve or return entered indicator values (not one's own). */
	TARGET_APPROVAL,
	/** Import and edit resolutions and their targets. */
	RESOLUTION_EDIT,
	/** Refresh the aggregates by hand. */
	ANALYTICS_REFRESH,
	/**
	 * Run a what-if: re-classify a unit's latest assessments under another standard, see
	 * and download the result (issue 15, ADR 0033).
	 */
	RUN_WHATIF,
	/** Manage users, their roles and scopes, and anyone's tokens. */
	USER_ADMIN,
	/** Search and export the audit trail. */
	AUDIT_READ,
	/**
	 * Operate the system: metrics and other operations endpoints, backups (health stays
	 * open to the load balancer).
	 */
	OPERATIONS,
	/**
	 * Move a province's households to the units of 1 July 2025: apply the reform, place
	 * the villages of split communes, undo a batch (ADR 0028).
	 */
	MOVE_UNITS

}
