/**
 * Programmes, resources and their monitoring (issue 18): the national target programmes
 * as a catalogue of data files (programme → project → sub-project → content, each with
 * its legal basis and a verified flag), plans and funds by source per unit, year and
 * project, outputs counted from the benefit ledger and the models, and the monitoring
 * reports of Circular 10/2022/TT-BLĐTBXH (Biểu 01, Biểu 02, Mẫu 01).
 */
package vn.giamngheo.programmes;
