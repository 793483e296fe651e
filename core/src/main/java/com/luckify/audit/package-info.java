/**
 * The audit log: every staff action that changes something, with who, what, before and after, when and from
 * where. Append-only; written in the same transaction as the change it describes, so a change never lands
 * without its entry (and an entry never describes a change that rolled back).
 */
package com.luckify.audit;
