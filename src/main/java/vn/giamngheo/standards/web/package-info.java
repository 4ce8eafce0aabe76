/**
 * REST face of the standards capability ({@code /api/v1/standards}) and its RFC 9457
 * problem mapping.
 */
package vn.giamngheo.standards.web;
