/**
 * The programme catalogue and its outputs as API and pages.
 */
package vn.giamngheo.programmes.web;
