/**
 * Reconciliation findings: the record of what the reconciliation job compared and found different. The
 * checks themselves belong to the features that own the data (lottery, comment, points).
 */
package com.luckify.reconciliation;
