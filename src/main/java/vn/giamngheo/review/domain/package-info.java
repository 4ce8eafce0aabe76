/**
 * The review workflow as plain Java: the household steps and their allowed order, the
 * village-meeting rule, the commune sign-off, the transitions between last year's and
 * this year's class, the review calendar and deadlines from an injected clock, and the
 * consistency flags against last year. No Spring, no database.
 */
package vn.giamngheo.review.domain;
