/**
 * Chính sách hỗ trợ · Support that reaches a named household (issue 16). Owns the support
 * policies as cited data (files under {@code policies/}, loaded at start and checked:
 * {@link vn.giamngheo.benefits.SupportPolicies}), the eligibility lists (dated spells
 * written by list runs after each recognition decision and on demand:
 * {@link vn.giamngheo.benefits.EligibilityLists}), the demand of households and members,
 * the benefit ledger (with its history, partner agencies limited to their own support),
 * the partner files' rows written through its bulk face, the coverage of each policy and
 * the five seed indicators counted from the ledger. Named {@code benefits} because the
 * test package {@code vn.giamngheo.support} already holds the integration-test support.
 */
package vn.giamngheo.benefits;
