/* test_ref_exchange.c: the component texts Exchange Server's transport puts
 * after the enhanced code (its table of acknowledgement reasons: RESOLVER.*,
 * ROUTING.*, QUEUE.*, PICKUP.*, SMTPSEND.*, STOREDRV.*, TRANSPORT.*), table
 * by table.  Each reason follows the cause the text states, decided from the
 * reason meanings; the codes are the ones Exchange pairs with each text.
 * Texts already tested elsewhere (RESOLVER.ADR.RecipNotFound, QUEUE.Expired,
 * ROUTING.SizeLimit, SMTPSEND.DNS.NonExistentDomain ...) are not repeated.
 * Left out as fitting more than one reason: RESOLVER.FWD.Blocked (the sender
 * itself forbade redirection), RESOLVER.GRP.Blocked.NeedsSenderRestrictions
 * (a group's own setting), Resolver.MT.ModerationLoop, APPROVAL.NotAuthorized
 * (a moderator's decision), QUEUE.Admin and QUEUE.TransportAgent (deleted by
 * an operator or an agent, for no stated cause), ROUTING.InvalidX400Address
 * and the SMTPSEND address-length and UTF-8 texts, STOREDRV.Deliver "message
 * is treated as poison", and the temporary STOREDRV texts (database offline,
 * server busy, thread limits), which on a failure say only that the retries
 * ran out.  Left out for a convention documented elsewhere: ROUTING.NoNextHop
 * and ROUTING.NoConnectorForAddressType ("unable to route") are RFC 3463's
 * X.4.4 in its own words, which the code table counts as an unknown host
 * while the stated cause (no route from the organisation's connectors) is
 * a routing fault. */
#include "testrules.h"

/* RESOLVER.ADR and RESOLVER.CON/FWD/GRP/PF: the recipient's address as the
 * directory resolves it. */
static void test_resolver_address(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* RFC 3463 X.1.4, which the code table counts as an unknown
		 * address: no single mailbox has it. */
		{"5.1.4", "550", "550 5.1.4 RESOLVER.ADR.Ambiguous; ambiguous address", NULL,
		 "userunknown"},
		{"5.1.1", "550", "550 5.1.1 RESOLVER.ADR.X400RecipNotFound; not found", NULL,
		 "userunknown"},
		/* An address that is only another address wrapped (a stale
		 * IMCEA entry): no mailbox of that name exists. */
		{"5.1.0", "550",
		 "550 5.1.0 RESOLVER.ADR.SmtpInSmtp; encapsulated SMTP address inside an SMTP "
		 "address (IMCEASMTP-)",
		 NULL, "userunknown"},
		{"5.1.0", "550",
		 "550 5.1.0 RESOLVER.ADR.X500InSmtp; encapsulated X.500 address inside an SMTP "
		 "address (IMCEAX500-)",
		 NULL, "userunknown"},
		{"5.1.0", "550",
		 "550 5.1.0 RESOLVER.ADR.InvalidInSmtp; encapsulated INVALID address inside an "
		 "SMTP address (IMCEAINVALID-)",
		 NULL, "userunknown"},
		{"5.1.3", "550", "550 5.1.3 STOREDRV.Submit; invalid recipient address", NULL,
		 "userunknown"},
		{"5.1.3", "550", "550 5.1.3 PICKUP.InvalidAddress; invalid address", NULL,
		 "userunknown"},
		/* The domain part names no domain Exchange can route to. */
		{"5.1.2", "550", "550 5.1.2 ROUTING.InvalidAddress; invalid address domain", NULL,
		 "hostunknown"},
	};
	CHECK(cases);
}

/* The receiving organisation's directory or store misconfigured: its
 * system fails, not the address. */
static void test_resolver_misconfigured(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.ADR.BadPrimary; recipient primary SMTP address is missing "
		 "or invalid",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.ADR.Invalid; the recipient's directory object is "
		 "misconfigured",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.ADR.InvalidResult; the recipient's directory object is "
		 "misconfigured",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.CON.UnencapTarget; contact's configured external address "
		 "is unroutable",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.CON.ChainDisabled; misconfigured forwarded contact", NULL,
		 "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.CON.ChainInvalid; contact forwards to an invalid object", NULL,
		 "systemerror"},
		{"5.2.0", "550", "550 5.2.0 RESOLVER.FWD.Invalid; misconfigured forwarding address",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.FWD.NotFound; misconfigured forwarding address", NULL,
		 "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.PF.InTransit; public folders unavailable due to ongoing "
		 "migration",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.PF.Invalid; misconfigured public folder mailbox", NULL,
		 "systemerror"},
		{"5.2.4", "550",
		 "550 5.2.4 RESOLVER.GRP.DDLQuery; the dynamic distribution list has a "
		 "misconfigured query",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.GRP.InvalidObject; the group's directory object is "
		 "misconfigured",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 RESOLVER.RST.InvalidObjectForRestrictionCheck; unable to perform "
		 "restriction check because a directory object is misconfigured",
		 NULL, "systemerror"},
		{"5.2.0", "550",
		 "550 5.2.0 Resolver.MT.NoModeratorAddresses; No moderator addresses for "
		 "approval process",
		 NULL, "systemerror"},
		{"5.2.0", "550", "550 5.2.0 STOREDRV.Deliver; directory misconfiguration.", NULL,
		 "systemerror"},
		{"5.2.0", "550", "550 5.2.0 STOREDRV.Deliver; PF replica server misconfiguration",
		 NULL, "systemerror"},
		{"5.3.2", "532",
		 "532 5.3.2 STOREDRV.Deliver; Missing or bad StoreDriver MDB properties", NULL,
		 "systemerror"},
	};
	CHECK(cases);
}

/* RESOLVER.RST: restrictions and size limits. */
static void test_resolver_restrictions(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Like RESOLVER.RST.NotAuthorized: this sender may not send
		 * to the group. */
		{"5.7.1", "550",
		 "550 5.7.1 RESOLVER.RST.NotAuthorizedToGroup; not authorized to send to the "
		 "distribution list",
		 NULL, "rejected"},
		{"5.7.1", "550",
		 "550 5.7.1 RESOLVER.RST.JournalReportFromUnauthorizedSender; not authorized to "
		 "send journal reports",
		 NULL, "rejected"},
		/* A limit on the sender's or the organisation's messages, not
		 * on the recipient's mailbox. */
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.SendSizeLimit.Sender; message too large for this sender",
		 NULL, "mesgtoobig"},
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.SendSizeLimit.Org; message too large for this "
		 "organization",
		 NULL, "mesgtoobig"},
		/* The group's own limit, set like a mailbox's. */
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.RecipSizeLimit.DL; message length exceeds "
		 "administrative limit",
		 NULL, "exceedlimit"},
		{"5.2.3", "550",
		 "550 5.2.3 QUEUE.Priority; message too large to be sent with high priority", NULL,
		 "mesgtoobig"},
		{"5.3.4", "550",
		 "550 5.3.4 PICKUP.MessageSize; message size exceeds a fixed maximum size limit",
		 NULL, "mesgtoobig"},
		{"5.3.4", "550",
		 "550 5.3.4 REPLAY.MessageSize; message size exceeds a fixed maximum size limit",
		 NULL, "mesgtoobig"},
		{"5.3.4", "550",
		 "550 5.3.4 SMTPSEND.DATAOverAdvertisedSize; message size exceeds fixed maximum "
		 "size",
		 NULL, "mesgtoobig"},
		{"5.3.4", "550",
		 "550 5.3.4 SMTPSEND.BDATOverAdvertisedSize; message size exceeds fixed maximum "
		 "size",
		 NULL, "mesgtoobig"},
		/* Like RESOLVER.ADR.RecipLimit. */
		{"5.5.3", "550", "550 5.5.3 PICKUP.RecipLimit; too many recipients", NULL,
		 "toomanyconn"},
		{"4.5.0", "450",
		 "450 4.5.0 Message rejected.  Excessive message rate from sender to recipient.",
		 NULL, "speeding"},
		{"5.7.1", "550",
		 "550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by "
		 "organization policy",
		 NULL, "policyviolation"},
	};
	CHECK(cases);
}

/* ROUTING, SMTPSEND.DNS and loops: no way to the destination. */
static void test_routing(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.4.4", "554",
		 "554 5.4.4 SMTPSEND.DNS.InvalidData; DNS returned an invalid response for this "
		 "domain",
		 NULL, "networkerror"},
		{"5.4.6", "550",
		 "550 5.4.6 RESOLVER.FWD.Loop; there is a forwarding loop configured in the "
		 "directory",
		 NULL, "networkerror"},
		/* The remote server's own failure. */
		{"5.5.0", "550",
		 "550 5.5.0 SMTPSEND.PoisonForRemote; message might be crashing the remote server",
		 NULL, "systemerror"},
	};
	CHECK(cases);
}

/* Gave up: a temporary condition outlasted the retries. */
static void test_queue_expired(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.4.7", "550",
		 "550 4.4.7 QUEUE.Expired; message expired in unreachable destination queue. "
		 "Reason: There is currently no route to the mailbox database.",
		 NULL, "expired"},
		{"4.4.7", "550", "550 4.4.7 Message dropped. Message too old", NULL, "expired"},
		{"4.4.0", "451",
		 "451 4.4.0 SMTPSEND.SuspiciousRemoteServerError; remote server disconnected "
		 "abruptly; retry will be delayed",
		 NULL, "expired"},
	};
	CHECK(cases);
}

/* STOREDRV: the mailbox store refusing the message itself. */
static void test_storedrv(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.6.0", "554", "554 5.6.0 STOREDRV.Deliver; invalid message content", NULL,
		 "contenterror"},
		{"5.6.0", "554", "554 5.6.0 STOREDRV.Submit; invalid message content", NULL,
		 "contenterror"},
		{"5.6.0", "554",
		 "554 5.6.0 STOREDRV.Deliver.Exception:ConversionFailedPermanentException; Failed "
		 "to process message due to a permanent exception with message Content "
		 "conversion: Corrupted content.",
		 NULL, "contenterror"},
		/* Microsoft's support articles: a folder of the mailbox holds
		 * the most items it may (the remedy is to move mail out); the
		 * recipient's mailbox lacks a folder a feature needs; a hybrid
		 * recipient without an address in a federated domain. */
		{"4.3.2", "554",
		 "554 4.3.2 mailbox busy; "
		 "STOREDRV.Deliver.Exception:StoragePermanentException.MapiExceptionMaxObjsExceeded; "
		 "Failed to process message due to a permanent exception with message Cannot "
		 "complete delivery-time processing.",
		 NULL, "mailboxfull"},
		{"5.2.0", "554",
		 "554 5.2.0 STOREDRV.Deliver.Exception:ObjectNotFoundException.MapiExceptionNotFound; "
		 "Failed to process message due to a permanent exception with message Cannot get "
		 "ID from name",
		 NULL, "systemerror"},
		{"5.2.0", "554",
		 "554 5.2.0 STOREDRV.Deliver.Exception:UserWithoutFederatedProxyAddressException; "
		 "Failed to process message due to a permanent exception with message User "
		 "doesn't have any SMTP proxy address from a domain that is federated.",
		 NULL, "systemerror"},
		/* The store has set the mailbox aside: it takes no mail. */
		{"5.7.9", "550", "550 5.7.9 STOREDRV.Deliver; Recipient mailbox quarantined.", NULL,
		 "suspend"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolver_address),
		cmocka_unit_test(test_resolver_misconfigured),
		cmocka_unit_test(test_resolver_restrictions),
		cmocka_unit_test(test_routing),
		cmocka_unit_test(test_queue_expired),
		cmocka_unit_test(test_storedrv),
	};
	return cmocka_run_group_tests_name("ref_exchange", tests, load_defaults, free_defaults);
}
