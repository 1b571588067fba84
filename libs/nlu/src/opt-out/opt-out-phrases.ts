/**
 * Opt-out phrasings in en/es/fr/de, matched against folded text (lower-case, no accents).
 * `whole` phrases count only as the entire message (give or take "please"); the others anywhere,
 * unless a negation ("don't", "can't", "no quiero"…) comes just before them.
 */
export interface OptOutPhrase {
  pattern: RegExp;
  confidence: number;
  whole?: boolean;
}

const ME = String.raw`(?:me|us|this number)`;
const CHANNEL = String.raw`(?:messages?|msgs?|texts?|sms|emails?|e-mails?|mails?|calls?|notifications?|alerts?|spam|marketing|newsletters?|promos?|updates)`;
const phrase = (source: string, confidence: number, whole = false): OptOutPhrase => ({
  pattern: new RegExp(whole ? String.raw`^(?:${source})$` : String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, 'u'),
  confidence,
  whole,
});

export const OPT_OUT_PHRASES: OptOutPhrase[] = [
  phrase(String.raw`stop|stopall|stop all|unsubscribe|unsub|cancel|end|quit|opt ?out|opt-out|remove me|revoke|stop it|stop now|para|parar|paren|alto|basta|baja|cancelar|arret|arrete|arretez|stopp|abmelden|austragen|abbestellen|aufhoren|hor auf|ende`, 0.99, true),
  phrase(String.raw`stop (?:texting|messaging|sending|emailing|e-mailing|mailing|calling|contacting|spamming|bothering|pestering|harassing|writing to|writing|msging|txting|sms-ing|sms'ing)(?: ${ME})?`, 0.97),
  phrase(String.raw`stop (?:(?:these|the|your|all|all the|all these|all of these|this|those|receiving|getting)\s)+${CHANNEL}`, 0.97),
  phrase(String.raw`stop receiving|stop getting (?:these|this|them)|unsubscribe|unsubscribing|unsuscribe|opt(?: me)? out|opt-out|opting out`, 0.95),
  phrase(String.raw`no more ${CHANNEL}|(?:don't|dont|do not|never) (?:ever )?(?:text|message|msg|email|e-mail|mail|call|contact|sms|spam|bother|write to|txt) ${ME}`, 0.95),
  phrase(String.raw`(?:remove|delete|take) (?:me|my (?:number|email|phone|details|data|info)) (?:off|from)|take me off|remove me|(?:cancel|end) (?:my |the |this |all )?(?:subscription|${CHANNEL})`, 0.92),
  phrase(String.raw`leave me alone|go away and leave me|i (?:do not|don't|dont) want (?:any )?(?:more )?(?:your )?${CHANNEL}`, 0.85),
  phrase(String.raw`(?:deja|dejen|deje|dejad|dejar) de (?:enviar|mandar|escribir|llamar|molestar|contactar)\p{L}*|no me (?:escribas|escriban|escriba|envies|envien|envie|mandes|manden|llames|llamen|contactes|contacten|molestes|molesten)|no (?:quiero|deseo) recibir|no mas (?:mensajes|sms|correos|llamadas|emails|whatsapps?)`, 0.95),
  phrase(String.raw`(?:dar|darme|darse|doy|deme|denme) de baja|(?:quiero|quisiera|solicito) (?:la |darme de )?baja|desuscribir\p{L}*|desinscribir\p{L}*|cancelar (?:la |mi )?(?:suscripcion|los mensajes)`, 0.95),
  phrase(String.raw`(?:arrete|arretez|arreter) (?:de (?:m'|me |nous |m)|les (?:messages|sms|mails|e-mails|appels|textos)|tout|ca|svp|s'il vous plait)|(?:^|[.!] ?)(?:arrete|arretez)(?= |$)`, 0.95),
  phrase(String.raw`desabonn\p{L}*|desinscri\p{L}*|ne (?:m'|me |plus m'|plus me )(?:ecrivez|envoyez|contactez|appelez|ecris|envoie|contacte|appelle|ecrire|envoyer|contacter|appeler)|ne plus (?:recevoir|etre contacte)|je ne veux plus (?:de |recevoir )|plus de (?:messages|sms|mails|e-mails|appels|textos)`, 0.92),
  phrase(String.raw`laissez[- ]moi tranquille|laisse[- ]moi tranquille|fichez[- ]moi la paix`, 0.85),
  phrase(String.raw`abmelden|melde mich ab|melden sie mich ab|austragen|tragen sie mich aus|abbestellen|keine (?:nachrichten|sms|e-mails|emails|mails|anrufe|werbung|newsletter) mehr|(?:schreiben|schicken|senden|kontaktieren|anrufen) sie mir (?:keine|nicht mehr)|nicht mehr (?:schreiben|kontaktieren|anrufen|anschreiben)|(?:hor|hort|horen sie) auf(?: mir)?(?: zu schreiben| zu schicken| mich zu kontaktieren)?`, 0.93),
  phrase(String.raw`lass(?:t|en sie)? mich in ruhe`, 0.85),
  phrase(String.raw`not interested|no interest|wrong number|go away|who is this|how did you get (?:my|this) number`, 0.45),
];

/** "don't", "can't", "no quiero"… shortly before a phrase undo it ("I don't want to unsubscribe"), but "why don't you stop" does not. */
export const NEGATION_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:don't|dont|do not|didn't|did not|doesn't|does not|can't|cant|cannot|can not|won't|wont|will not|never|not|no need to|no quiero|no voy a|ne veux pas|je ne vais pas|nicht)\s+(?!you\b|u\b)(?:[\p{L}']+\s+){0,2}$`,
  'u',
);
