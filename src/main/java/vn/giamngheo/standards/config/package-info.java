/**
 * Spring wiring of the standards capability: the standard catalogue bean, loaded at start
 * so that a malformed standard file stops the application.
 */
package vn.giamngheo.standards.config;
