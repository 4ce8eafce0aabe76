/** Pages and JSON API of the poverty-reduction models. */
package vn.giamngheo.models.web;
