namespace StepUp.Vonage.Sms;

/// <summary>The <c>type</c> of a text message body.</summary>
internal enum SmsType
{
    /// <summary>GSM 03.38 7-bit text (<c>text</c>, the default).</summary>
    Text = 0,

    /// <summary>UCS-2 text for characters outside the GSM alphabet (<c>unicode</c>).</summary>
    Unicode = 1,
}
