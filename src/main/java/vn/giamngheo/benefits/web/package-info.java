/**
 * Pages and API of the support capability: the support policies as cited data
 * ({@code /support/policies}, {@code /api/v1/support-policies}).
 */
package vn.giamngheo.benefits.web;
