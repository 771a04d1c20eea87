namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>The chat templates synthetic folders carry in tokenizer_config.json.</summary>
internal static class SyntheticChatTemplates
{
    /// <summary>
    /// ChatML with Hermes tool calling, a compact Qwen2.5 template (its instructions shortened so a tool prompt fits
    /// the tiny shape's 512 positions): declared tools in the system turn as <c>&lt;tools&gt;</c> JSON lines, earlier calls as <c>&lt;tool_call&gt;</c> blocks, tool results as
    /// <c>&lt;tool_response&gt;</c> in a user turn. Written on one line so no whitespace control is needed; a newline right
    /// after a block tag is written as <c>{{ '\n' }}</c> because transformers renders with <c>trim_blocks</c>, which drops it.
    /// </summary>
    public const string ChatMLWithTools =
        "{% if tools %}<|im_start|>system\n{% if messages[0]['role'] == 'system' %}{{ messages[0]['content'] }}\n\n{% endif %}"
        + "# Tools\n\n<tools>"
        + "{% for tool in tools %}{{ '\\n' }}{{ tool | tojson }}{% endfor %}{{ '\\n' }}</tools>\n\n"
        + "Call functions within <tool_call></tool_call> XML tags:\n"
        + "<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n"
        + "{% elif messages[0]['role'] == 'system' %}<|im_start|>system\n{{ messages[0]['content'] }}<|im_end|>\n{% endif %}"
        + "{% for message in messages %}"
        + "{% if message['role'] == 'system' %}"
        + "{% elif message['role'] == 'tool' %}"
        + "{% if loop.first or messages[loop.index0 - 1]['role'] != 'tool' %}<|im_start|>user{% endif %}"
        + "{{ '\\n' }}<tool_response>\n{{ message['content'] }}\n</tool_response>"
        + "{% if loop.last or messages[loop.index0 + 1]['role'] != 'tool' %}<|im_end|>\n{% endif %}"
        + "{% else %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}"
        + "{% if message['tool_calls'] %}{% for call in message['tool_calls'] %}"
        + "{% if message['content'] or not loop.first %}{{ '\\n' }}{% endif %}"
        + "<tool_call>\n{\"name\": \"{{ call['function']['name'] }}\", \"arguments\": {{ call['function']['arguments'] | tojson }}}\n</tool_call>"
        + "{% endfor %}{% endif %}<|im_end|>\n"
        + "{% endif %}{% endfor %}"
        + "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";
}
