namespace Enclave.Tests.Configuration;

public class IdentityTests
{
    [Theory]
    [InlineData("gatekeeper", "ParentCo-GlobalAdmins")]
    [InlineData("operator", "parentco-globaladmins")]
    [InlineData("auditor", "ParentCo-GlobalAdmins")]
    [InlineData("storageAdmin", "PARENTCO-GLOBALADMINS")]
    public void An_excluded_group_used_as_an_enclave_group_is_rejected(string persona, string name)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("groups", persona, $"\"{name}\"").Parse(),
            $"us-data-enclave:groups.{persona}",
            $"'{name}' is the excluded parent-company group 'ParentCo-GlobalAdmins' (us-data-enclave:parentExclusions.groups)");
    }

    [Fact]
    public void A_domain_qualified_exclusion_matches_in_that_domain()
    {
        var result = new ConfigBuilder()
            .Field("parentExclusions", "groups", "[\"ParentCo/DataAdmins\"]")
            .Field("groups", "identityDomain", "\"ParentCo\"")
            .Field("groups", "gatekeeper", "\"DataAdmins\"")
            .Parse();

        ConfigAssert.Has(result, "us-data-enclave:groups.gatekeeper", "is the excluded parent-company group 'ParentCo/DataAdmins'");
        ConfigAssert.Has(result, "us-data-enclave:groups.identityDomain",
            "'ParentCo' is the parent-company identity domain 'ParentCo' (us-data-enclave:parentExclusions.identityDomains)");
    }

    [Fact]
    public void An_excluded_identity_domain_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("groups", "identityDomain", "\"parentco\"").Parse(),
            "us-data-enclave:groups.identityDomain", "'parentco' is the parent-company identity domain 'ParentCo'");
    }

    [Fact]
    public void Two_personas_sharing_a_group_are_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("groups", "auditor", "\"usde-gatekeepers\"").Parse(),
            "us-data-enclave:groups.auditor",
            "'usde-gatekeepers' is already the gatekeeper group (us-data-enclave:groups.gatekeeper); each persona needs its own group");
    }

    [Fact]
    public void A_malformed_group_name_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("groups", "operator", "\"db operators!\"").Parse(),
            "us-data-enclave:groups.operator", "'db operators!' is not an IAM group name");
    }

    [Fact]
    public void The_tenancy_of_the_parent_company_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("oci:tenancyOcid", ConfigBuilder.ParentTenancy).Parse(), "oci:tenancyOcid",
            "is a parent-company tenancy (us-data-enclave:parentExclusions.tenancyOcids)");
    }

    [Theory]
    [InlineData("ocid1.compartment.oc1..aaaaaaaaexampledevcompartment000000000000")]
    [InlineData("ocid1.tenancy.oc2..aaaaaaaaexamplegovtenancy0000000000000000000")]
    [InlineData("ocid1.tenancy.oc1.iad.aaaaaaaaexampledevtenancy000000000000000000")]
    [InlineData("tenancy-dev")]
    public void A_tenancy_ocid_of_the_wrong_shape_is_rejected(string ocid)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("oci:tenancyOcid", ocid).Parse(), "oci:tenancyOcid",
            $"'{ocid}' is not a commercial-realm tenancy OCID; expected the shape ocid1.tenancy.oc1..aaaaaaaa…");
    }

    [Fact]
    public void A_parent_compartment_that_is_not_a_compartment_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("parentCompartmentOcid", "ocid1.vcn.oc1.iad.aaaaaaaaexamplevcn0000000").Parse(),
            "us-data-enclave:parentCompartmentOcid", "is not a compartment OCID; expected the shape ocid1.compartment.oc1..aaaaaaaa…");
    }

    [Fact]
    public void A_parent_compartment_in_another_tenancy_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("parentCompartmentOcid", ConfigBuilder.ParentTenancy).Parse(),
            "us-data-enclave:parentCompartmentOcid", "is a tenancy other than oci:tenancyOcid");
    }

    [Theory]
    [InlineData("oversight@parentco.example", "parentco.example")]
    [InlineData("OPS@Mail.ParentCo.Example", "parentco.example")]
    public void A_notification_email_in_an_excluded_domain_is_rejected(string email, string domain)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("notificationEmails", $"[\"gatekeepers@usdata.example\",\"{email}\"]").Parse(),
            "us-data-enclave:notificationEmails[1]", $"'{email}' is in the parent-company e-mail domain '{domain}'");
    }

    [Fact]
    public void An_address_in_a_lookalike_domain_is_not_excluded()
    {
        var result = new ConfigBuilder().Set("notificationEmails", """["ops@notparentco.example"]""").Parse();
        Assert.True(result.IsValid, result.Message);
    }

    [Theory]
    [InlineData("gatekeepers")]
    [InlineData("gatekeepers@")]
    [InlineData("a b@usdata.example")]
    [InlineData("gk@usdata")]
    public void A_malformed_email_is_rejected(string email)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("notificationEmails", $"[\"{email}\"]").Parse(),
            "us-data-enclave:notificationEmails[0]", $"'{email}' is not a well-formed e-mail address");
    }

    [Fact]
    public void An_empty_email_list_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("notificationEmails", "[]").Parse(),
            "us-data-enclave:notificationEmails", "is empty; list at least one gatekeeper address");
    }

    [Theory]
    [InlineData("tenancyOcids", """["ocid1.compartment.oc1..aaaaaaaaexampleparent00000"]""", "is not a tenancy OCID")]
    [InlineData("groups", """["a/b/c"]""", "'a/b/c' is not a group name (Name or Domain/Name) or a group OCID")]
    [InlineData("groups", """["ocid1.user.oc1..aaaaaaaaexampleparentuser000"]""", "is not a group name")]
    [InlineData("emailDomains", """["@parentco.example"]""", "'@parentco.example' is not an e-mail domain; write the domain alone")]
    [InlineData("identityDomains", """["Parent Co"]""", "'Parent Co' is not an identity domain name")]
    [InlineData("identityProviders", """["Parent Co Okta"]""", "'Parent Co Okta' is not an identity provider name")]
    public void A_malformed_exclusion_entry_is_rejected_by_index(string field, string json, string fragment)
    {
        ConfigAssert.Single(new ConfigBuilder().Field("parentExclusions", field, json).Parse(),
            $"us-data-enclave:parentExclusions.{field}[0]", fragment);
    }

    [Fact]
    public void An_empty_exclusion_list_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("parentExclusions", "{}").Parse(),
            "us-data-enclave:parentExclusions", "lists no identity and no network; name at least the parent company's tenancy OCIDs");
    }

    [Theory]
    [InlineData("USDE")]
    [InlineData("usde_prod")]
    [InlineData("1usde")]
    [InlineData("usde-")]
    [InlineData("a-very-long-name-prefix-for-usde")]
    public void A_bad_name_prefix_is_rejected(string prefix)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("namePrefix", prefix).Parse(),
            "us-data-enclave:namePrefix", $"'{prefix}' is not allowed; expected a name prefix: lowercase letters, digits and '-'");
    }
}
