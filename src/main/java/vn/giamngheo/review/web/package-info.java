/**
 * Pages and API of the review: the review list and progress board, the commune page
 * (steps 1–5 and sign-off), the phone-friendly survey page, printable minutes, posting
 * list and certificates (HTML and PDF), the public posting page under {@code /public/},
 * and in-year requests.
 */
package vn.giamngheo.review.web;
