<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>Not configured — Try the demo / Settings…</source>
        <translation>Non configuré — Essayer la démo / Réglages…</translation>
    </message>
    <message>
        <source>error — see the last notification</source>
        <translation>erreur — voir la dernière notification</translation>
    </message>
    <message>
        <source>Line {line}: {state}</source>
        <translation>Ligne {line} : {state}</translation>
    </message>
    <message>
        <source>Copied numbers cannot be noticed here</source>
        <translation>Les numéros copiés ne peuvent pas être remarqués ici</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Aucun numéro</translation>
    </message>
    <message>
        <source>No phone number to call was found.</source>
        <translation>Aucun numéro de téléphone à appeler n&apos;a été trouvé.</translation>
    </message>
    <message>
        <source>Nothing to call</source>
        <translation>Rien à appeler</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <source>Numbers starting with {prefix} are blocked (premium rate); change this in Settings › Filters.</source>
        <translation>Les numéros commençant par {prefix} sont bloqués (surtaxés) ; modifiez cela dans Réglages › Filtres.</translation>
    </message>
    <message>
        <source>This number cannot be called.</source>
        <translation>Ce numéro ne peut pas être appelé.</translation>
    </message>
    <message>
        <source>The call could not be placed because of an unexpected error — try again; if it keeps failing, see the log file.</source>
        <translation>L&apos;appel n&apos;a pas pu être passé à cause d&apos;une erreur inattendue — réessayez ; si cela continue, consultez le fichier journal.</translation>
    </message>
    <message>
        <source>An unexpected error happened while calling; the call may have been placed — check your phone before calling again.</source>
        <translation>Une erreur inattendue s&apos;est produite pendant l&apos;appel ; l&apos;appel a peut-être été passé — vérifiez votre téléphone avant de rappeler.</translation>
    </message>
    <message>
        <source>your line</source>
        <translation>votre ligne</translation>
    </message>
    <message>
        <source>Your phone (line {line}) is picking up on its speaker — calling {number}.</source>
        <translation>Votre téléphone (ligne {line}) décroche sur son haut-parleur — appel du {number}.</translation>
    </message>
    <message>
        <source>Your phone (line {line}) is ringing — pick up to reach {number}.</source>
        <translation>Votre téléphone (ligne {line}) sonne — décrochez pour joindre le {number}.</translation>
    </message>
    <message>
        <source>Calling {number}</source>
        <translation>Appel du {number}</translation>
    </message>
    <message>
        <source>Call history not updated</source>
        <translation>Historique des appels non mis à jour</translation>
    </message>
    <message>
        <source>The call to {number} was placed, but it could not be saved in the call history; the log file has details.</source>
        <translation>L&apos;appel au {number} a bien été passé, mais il n&apos;a pas pu être enregistré dans l&apos;historique ; le journal donne les détails.</translation>
    </message>
    <message>
        <source>The call to {number} may have been placed</source>
        <translation>L&apos;appel au {number} a peut-être été passé</translation>
    </message>
    <message>
        <source>If your phone rings, pick up; calling this number again will ask first.</source>
        <translation>Si votre téléphone sonne, décrochez ; rappeler ce numéro demandera d&apos;abord confirmation.</translation>
    </message>
    <message>
        <source>{number} was not called</source>
        <translation>{number} n&apos;a pas été appelé</translation>
    </message>
    <message>
        <source>Call to {number} not placed</source>
        <translation>Appel au {number} non passé</translation>
    </message>
    <message>
        <source>{number} is a number in {country}. Call it?</source>
        <translation>{number} est un numéro en {country}. L&apos;appeler ?</translation>
    </message>
    <message>
        <source>Call abroad?</source>
        <translation>Appeler à l&apos;étranger ?</translation>
    </message>
    <message>
        <source>Your last call to {number} may have been placed already. Call it again?</source>
        <translation>Votre dernier appel au {number} a peut-être déjà été passé. Le rappeler ?</translation>
    </message>
    <message>
        <source>Call again?</source>
        <translation>Rappeler ?</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Don&apos;t call</source>
        <translation>Ne pas appeler</translation>
    </message>
    <message>
        <source>Call history not saved</source>
        <translation>Historique des appels non enregistré</translation>
    </message>
    <message>
        <source>Calls cannot be recorded in the call history (%1): check that %2 can be written.</source>
        <translation>Les appels ne peuvent pas être enregistrés dans l&apos;historique (%1) : vérifiez que %2 est accessible en écriture.</translation>
    </message>
    <message>
        <source>Settings file damaged</source>
        <translation>Fichier de réglages endommagé</translation>
    </message>
    <message>
        <source>Call history damaged</source>
        <translation>Historique des appels endommagé</translation>
    </message>
    <message>
        <source>%1 is damaged and could not be kept aside: see the log.</source>
        <translation>%1 est endommagé et n&apos;a pas pu être mis de côté : consultez le journal.</translation>
    </message>
    <message>
        <source>Settings file repaired</source>
        <translation>Fichier de réglages réparé</translation>
    </message>
    <message>
        <source>The settings file was damaged: every setting that could still be read is kept, and the damaged file was kept as %1.</source>
        <translation>Le fichier de réglages était endommagé : tous les réglages encore lisibles sont conservés, et le fichier endommagé a été gardé sous le nom %1.</translation>
    </message>
    <message>
        <source>Call history repaired</source>
        <translation>Historique des appels réparé</translation>
    </message>
    <message>
        <source>The call history was damaged and a new one was started; the damaged file was kept as %1.</source>
        <translation>L&apos;historique des appels était endommagé et un nouvel historique a été commencé ; le fichier endommagé a été gardé sous le nom %1.</translation>
    </message>
    <message>
        <source>The endpoint setting &quot;%1&quot; is not valid — choose one in Account.</source>
        <translation>Le réglage endpoint « %1 » n&apos;est pas valide — choisissez-en un dans Compte.</translation>
    </message>
    <message>
        <source>Incoming call {number}</source>
        <translation>Appel entrant {number}</translation>
    </message>
    <message>
        <source>On line {line}</source>
        <translation>Sur la ligne {line}</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copier le numéro</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Missed call {number}</source>
        <translation>Appel manqué {number}</translation>
    </message>
    <message>
        <source>On line {line} at {time}</source>
        <translation>Sur la ligne {line} à {time}</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Rappeler</translation>
    </message>
    <message>
        <source>Live calls are off</source>
        <translation>Les appels en direct sont désactivés</translation>
    </message>
    <message>
        <source>Your phone is ringing… pick up to reach {number}.</source>
        <translation>Votre téléphone sonne… décrochez pour joindre le {number}.</translation>
    </message>
    <message>
        <source>Calling {number}…</source>
        <translation>Appel du {number}…</translation>
    </message>
    <message>
        <source>Connected {duration}</source>
        <translation>En ligne {duration}</translation>
    </message>
    <message>
        <source>In a call with {number}.</source>
        <translation>En communication avec le {number}.</translation>
    </message>
    <message>
        <source>Ended — {duration}</source>
        <translation>Terminé — {duration}</translation>
    </message>
    <message>
        <source>The call with {number} has ended.</source>
        <translation>L&apos;appel avec le {number} est terminé.</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>{number} did not answer.</source>
        <translation>Le {number} n&apos;a pas répondu.</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <source>Answered — {duration}</source>
        <translation>Répondu — {duration}</translation>
    </message>
    <message>
        <source>Incoming, answered — {duration}</source>
        <translation>Entrant, répondu — {duration}</translation>
    </message>
    <message>
        <source>Missed calls</source>
        <translation>Appels manqués</translation>
    </message>
    <message>
        <source>Call back {number} (missed at {time})</source>
        <translation>Rappeler le {number} (manqué à {time})</translation>
    </message>
    <message>
        <source>1 missed call</source>
        <translation>1 appel manqué</translation>
    </message>
    <message>
        <source>{count} missed calls</source>
        <translation>{count} appels manqués</translation>
    </message>
    <message>
        <source>{shortcut} is already used by another program. Choose another shortcut in Settings › Behaviour.</source>
        <translation>{shortcut} est déjà utilisé par un autre programme. Choisissez un autre raccourci dans Réglages › Comportement.</translation>
    </message>
    <message>
        <source>The keyboard has no key for {shortcut}. Choose another shortcut in Settings › Behaviour.</source>
        <translation>Le clavier n&apos;a pas de touche pour {shortcut}. Choisissez un autre raccourci dans Réglages › Comportement.</translation>
    </message>
    <message>
        <source>This desktop gives EasyClick2Call no global shortcut. Use “Call clipboard now” in the tray menu, or have your desktop&apos;s own shortcut settings run “easyclick2call call --clipboard”.</source>
        <translation>Ce bureau ne donne pas de raccourci global à EasyClick2Call. Utilisez « Appeler le presse-papiers maintenant » dans le menu de l&apos;icône, ou faites lancer « easyclick2call call --clipboard » par un raccourci des réglages de votre bureau.</translation>
    </message>
    <message>
        <source>Global shortcut unavailable</source>
        <translation>Raccourci global indisponible</translation>
    </message>
    <message>
        <source>Select or copy a phone number, then press {shortcut}.</source>
        <translation>Sélectionnez ou copiez un numéro de téléphone, puis appuyez sur {shortcut}.</translation>
    </message>
    <message>
        <source>not called: numbers starting with {prefix} are blocked</source>
        <translation>non appelé : les numéros commençant par {prefix} sont bloqués</translation>
    </message>
    <message>
        <source>Call {number}?</source>
        <translation>Appeler le {number} ?</translation>
    </message>
    <message>
        <source>Call which number?</source>
        <translation>Quel numéro appeler ?</translation>
    </message>
    <message>
        <source>Call abroad ({country})</source>
        <translation>Appeler à l&apos;étranger ({country})</translation>
    </message>
    <message>
        <source>Cannot offer the number</source>
        <translation>Impossible de proposer le numéro</translation>
    </message>
    <message>
        <source>This desktop shows no notifications with buttons. Use “Call a number…” in the tray menu.</source>
        <translation>Ce bureau n&apos;affiche pas de notifications avec boutons. Utilisez « Appeler un numéro… » dans le menu de l&apos;icône.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About EasyClick2Call</source>
        <translation>À propos d&apos;EasyClick2Call</translation>
    </message>
    <message>
        <source>&lt;h3&gt;EasyClick2Call {version}&lt;/h3&gt;&lt;p&gt;Copy a phone number, click Call: OVHcloud rings your own line, then dials the number.&lt;/p&gt;&lt;p&gt;Clipboard text never leaves this computer; only the number you choose to call is sent to OVHcloud.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;EasyClick2Call {version}&lt;/h3&gt;&lt;p&gt;Copiez un numéro de téléphone, cliquez sur Appeler : OVHcloud fait sonner votre propre ligne, puis compose le numéro.&lt;/p&gt;&lt;p&gt;Le texte du presse-papiers ne quitte jamais cet ordinateur ; seul le numéro que vous choisissez d&apos;appeler est envoyé à OVHcloud.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Demo mode: calls go to the built-in sandbox, nothing is really dialled.</source>
        <translation>Mode démo : les appels vont au bac à sable intégré, rien n&apos;est vraiment composé.</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Welcome to EasyClick2Call</source>
        <translation>Bienvenue dans EasyClick2Call</translation>
    </message>
    <message>
        <source>Connect your OVHcloud account below to call from your own line, or try the app first with a simulated account: nothing is sent to OVHcloud.</source>
        <translation>Connectez ci-dessous votre compte OVHcloud pour appeler depuis votre propre ligne, ou essayez d&apos;abord l&apos;application avec un compte simulé : rien n&apos;est envoyé à OVHcloud.</translation>
    </message>
    <message>
        <source>The address of a local sandbox, on this computer only.</source>
        <translation>L&apos;adresse d&apos;un bac à sable local, sur cet ordinateur uniquement.</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>Point d&apos;accès de l&apos;API</translation>
    </message>
    <message>
        <source>API application</source>
        <translation>Application API</translation>
    </message>
    <message>
        <source>OAuth2 service account</source>
        <translation>Compte de service OAuth2</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Se connecter avec</translation>
    </message>
    <message>
        <source>The secret shown with the application key when you created the application.</source>
        <translation>Le secret affiché avec la clé d&apos;application lorsque vous avez créé l&apos;application.</translation>
    </message>
    <message>
        <source>The access you granted this app: press Connect… to get one, or paste a consumer key you created on OVHcloud.</source>
        <translation>L&apos;accès que vous avez accordé à cette application : cliquez sur Connecter… pour en obtenir un, ou collez une clé consommateur créée sur OVHcloud.</translation>
    </message>
    <message>
        <source>Application key</source>
        <translation>Clé d&apos;application</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connecter…</translation>
    </message>
    <message>
        <source>Opens OVHcloud&apos;s page in your browser, where you sign in and allow EasyClick2Call to use your telephony services.</source>
        <translation>Ouvre la page d&apos;OVHcloud dans votre navigateur, où vous vous identifiez et autorisez EasyClick2Call à utiliser vos services de téléphonie.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The secret of your OAuth2 service account.</source>
        <translation>Le secret de votre compte de service OAuth2.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Client sec&amp;ret</source>
        <translation>Sec&amp;ret client</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <source>Application &amp;secret</source>
        <translation>&amp;Secret d&apos;application</translation>
    </message>
    <message>
        <source>Consumer ke&amp;y</source>
        <translation>Clé conso&amp;mmateur</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>This is the demo</source>
        <translation>Ceci est la démo</translation>
    </message>
    <message>
        <source>Its account is simulated on this computer and forgotten when it quits. To call from your own OVHcloud line, set up your account: the demo closes and Settings open for your account.</source>
        <translation>Son compte est simulé sur cet ordinateur et oublié quand elle se ferme. Pour appeler depuis votre propre ligne OVHcloud, configurez votre compte : la démo se ferme et les Réglages s&apos;ouvrent pour votre compte.</translation>
    </message>
    <message>
        <source>Set &amp;up my account…</source>
        <translation>Config&amp;urer mon compte…</translation>
    </message>
    <message>
        <source>Local sandbox (demo)</source>
        <translation>Bac à sable local (démo)</translation>
    </message>
    <message>
        <source>%1 (kept in memory for the demo)</source>
        <translation>%1 (gardé en mémoire pour la démo)</translation>
    </message>
    <message>
        <source>then paste its key and secret here and press Connect…</source>
        <translation>puis collez ici sa clé et son secret et cliquez sur Connecter…</translation>
    </message>
    <message>
        <source>The sandbox accepts the demo keys shown by &apos;easyclick2call sandbox&apos;.</source>
        <translation>Le bac à sable accepte les clés de démo affichées par « easyclick2call sandbox ».</translation>
    </message>
    <message>
        <source>The sandbox address must be on this computer, such as http://127.0.0.1:8080/1.0.</source>
        <translation>L&apos;adresse du bac à sable doit être sur cet ordinateur, par exemple http://127.0.0.1:8080/1.0.</translation>
    </message>
    <message>
        <source>An application key is 8 to 64 letters and digits, as OVHcloud showed it when you created the application.</source>
        <translation>Une clé d&apos;application compte 8 à 64 lettres et chiffres, telle qu&apos;OVHcloud l&apos;a affichée à la création de l&apos;application.</translation>
    </message>
    <message>
        <source>An application secret is letters and digits only, as OVHcloud showed it.</source>
        <translation>Un secret d&apos;application ne contient que des lettres et des chiffres, tel qu&apos;OVHcloud l&apos;a affiché.</translation>
    </message>
    <message>
        <source>The application secret is missing: paste the secret shown with this key.</source>
        <translation>Le secret d&apos;application manque : collez le secret affiché avec cette clé.</translation>
    </message>
    <message>
        <source>The application key is missing: the secret goes with its key.</source>
        <translation>La clé d&apos;application manque : le secret va avec sa clé.</translation>
    </message>
    <message>
        <source>A client ID is letters, digits, dots or dashes, as OVHcloud showed it.</source>
        <translation>Un ID client est fait de lettres, chiffres, points ou tirets, tel qu&apos;OVHcloud l&apos;a affiché.</translation>
    </message>
    <message>
        <source>The client secret is missing: paste the secret of this service account.</source>
        <translation>Le secret client manque : collez le secret de ce compte de service.</translation>
    </message>
    <message>
        <source>The client ID is missing: the secret goes with its client ID.</source>
        <translation>L&apos;ID client manque : le secret va avec son ID client.</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>Corrigez d&apos;abord les champs marqués en rouge.</translation>
    </message>
    <message>
        <source>Contacting OVHcloud…</source>
        <translation>Connexion à OVHcloud…</translation>
    </message>
    <message>
        <source>Not connected yet: press Connect… to allow EasyClick2Call to use your account.</source>
        <translation>Pas encore connecté : cliquez sur Connecter… pour autoriser EasyClick2Call à utiliser votre compte.</translation>
    </message>
    <message>
        <source>Fill in the account fields first.</source>
        <translation>Remplissez d&apos;abord les champs du compte.</translation>
    </message>
    <message>
        <source>Connected as {nichandle}</source>
        <translation>Connecté en tant que {nichandle}</translation>
    </message>
    <message>
        <source>Enter the application key and secret first (create an application with the link below if you have none).</source>
        <translation>Saisissez d&apos;abord la clé et le secret d&apos;application (créez une application avec le lien ci-dessous si vous n&apos;en avez pas).</translation>
    </message>
    <message>
        <source>Asking OVHcloud for access…</source>
        <translation>Demande d&apos;accès à OVHcloud…</translation>
    </message>
    <message>
        <source>Waiting for you to allow access in the browser…</source>
        <translation>En attente de votre autorisation dans le navigateur…</translation>
    </message>
    <message>
        <source>Could not open the browser. Open this page to allow access: &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;</source>
        <translation>Impossible d&apos;ouvrir le navigateur. Ouvrez cette page pour autoriser l&apos;accès : &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Sign in on the OVHcloud page that opened in your browser and allow access.</source>
        <translation>Identifiez-vous sur la page d&apos;OVHcloud ouverte dans votre navigateur et autorisez l&apos;accès.</translation>
    </message>
    <message>
        <source>Connected. Press OK or Apply to keep this access in the system keyring.</source>
        <translation>Connecté. Cliquez sur OK ou Appliquer pour garder cet accès dans le trousseau système.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>No OVHcloud account is set up — connect your account in Settings.</source>
        <translation>Aucun compte OVHcloud n&apos;est configuré — connectez votre compte dans Réglages.</translation>
    </message>
    <message>
        <source>The OVHcloud account settings are incomplete or invalid — check them in Settings.</source>
        <translation>Les réglages du compte OVHcloud sont incomplets ou invalides — vérifiez-les dans Réglages.</translation>
    </message>
    <message>
        <source>This Click2Call login is not valid — use 1 to 50 letters, digits, dots, dashes, underscores or @.</source>
        <translation>Cet identifiant Click2Call n&apos;est pas valide — utilisez 1 à 50 lettres, chiffres, points, tirets, soulignés ou @.</translation>
    </message>
    <message>
        <source>This password does not follow OVHcloud&apos;s rules — use 8 to 20 characters, without spaces, &amp;, $ or `.</source>
        <translation>Ce mot de passe ne respecte pas les règles d&apos;OVHcloud — utilisez 8 à 20 caractères, sans espace, &amp;, $ ni `.</translation>
    </message>
    <message>
        <source>OVHcloud asks you to sign in — connect your account in Settings.</source>
        <translation>OVHcloud demande de vous identifier — connectez votre compte dans Réglages.</translation>
    </message>
    <message>
        <source>OVHcloud refused the application secret — check the application key and secret in Settings.</source>
        <translation>OVHcloud a refusé le secret d&apos;application — vérifiez la clé et le secret d&apos;application dans Réglages.</translation>
    </message>
    <message>
        <source>OVHcloud does not know this application key — check it in Settings.</source>
        <translation>OVHcloud ne connaît pas cette clé d&apos;application — vérifiez-la dans Réglages.</translation>
    </message>
    <message>
        <source>Access expired — reconnect in Settings.</source>
        <translation>Accès expiré — reconnectez-vous dans Réglages.</translation>
    </message>
    <message>
        <source>This access key is unknown or belongs to another application — reconnect in Settings.</source>
        <translation>Cette clé d&apos;accès est inconnue ou appartient à une autre application — reconnectez-vous dans Réglages.</translation>
    </message>
    <message>
        <source>Your access key does not allow this action — reconnect in Settings to grant it.</source>
        <translation>Votre clé d&apos;accès ne permet pas cette action — reconnectez-vous dans Réglages pour l&apos;autoriser.</translation>
    </message>
    <message>
        <source>Your access key predates live calls — reconnect in Settings to enable live calls.</source>
        <translation>Votre clé d&apos;accès date d&apos;avant les appels en direct — reconnectez-vous dans Réglages pour les activer.</translation>
    </message>
    <message>
        <source>Your OVHcloud account is not allowed to do this — check its rights in the OVHcloud Control Panel.</source>
        <translation>Votre compte OVHcloud n&apos;a pas le droit de faire cela — vérifiez ses droits dans l&apos;espace client OVHcloud.</translation>
    </message>
    <message>
        <source>Your computer&apos;s clock is wrong — set the date and time automatically, then try again.</source>
        <translation>L&apos;horloge de votre ordinateur est fausse — réglez la date et l&apos;heure automatiquement, puis réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud refused the service account — check the client ID and secret in Settings.</source>
        <translation>OVHcloud a refusé le compte de service — vérifiez l&apos;ID client et le secret dans Réglages.</translation>
    </message>
    <message>
        <source>Signing in with the service account failed — check it in Settings, then try again.</source>
        <translation>La connexion avec le compte de service a échoué — vérifiez-le dans Réglages, puis réessayez.</translation>
    </message>
    <message>
        <source>The access request was refused on OVHcloud&apos;s page — click Connect again and accept it.</source>
        <translation>La demande d&apos;accès a été refusée sur la page d&apos;OVHcloud — cliquez à nouveau sur Connecter et acceptez-la.</translation>
    </message>
    <message>
        <source>The access request expired — click Connect again.</source>
        <translation>La demande d&apos;accès a expiré — cliquez à nouveau sur Connecter.</translation>
    </message>
    <message>
        <source>The access request was not validated in time — click Connect again and accept it sooner.</source>
        <translation>La demande d&apos;accès n&apos;a pas été validée à temps — cliquez à nouveau sur Connecter et acceptez-la plus tôt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>This number cannot be called — check it and try again.</source>
        <translation>Ce numéro ne peut pas être appelé — vérifiez-le et réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud refused the request — check the number and the line in Settings.</source>
        <translation>OVHcloud a refusé la demande — vérifiez le numéro et la ligne dans Réglages.</translation>
    </message>
    <message>
        <source>OVHcloud does not know this billing account, line or Click2Call user — pick them again in Settings.</source>
        <translation>OVHcloud ne connaît pas ce compte de facturation, cette ligne ou cet utilisateur Click2Call — choisissez-les à nouveau dans Réglages.</translation>
    </message>
    <message>
        <source>This OVHcloud service has expired — renew it in the OVHcloud Control Panel.</source>
        <translation>Ce service OVHcloud a expiré — renouvelez-le dans l&apos;espace client OVHcloud.</translation>
    </message>
    <message>
        <source>Cannot reach OVHcloud — check your internet connection and try again.</source>
        <translation>Impossible de joindre OVHcloud — vérifiez votre connexion Internet et réessayez.</translation>
    </message>
    <message>
        <source>Cannot find OVHcloud&apos;s server — check your internet connection (DNS) and try again.</source>
        <translation>Serveur d&apos;OVHcloud introuvable — vérifiez votre connexion Internet (DNS) et réessayez.</translation>
    </message>
    <message>
        <source>The secure connection to OVHcloud failed — check your computer&apos;s date and any proxy, then try again.</source>
        <translation>La connexion sécurisée à OVHcloud a échoué — vérifiez la date de l&apos;ordinateur et tout proxy, puis réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud could not be reached in time — check your connection and try again.</source>
        <translation>OVHcloud n&apos;a pas pu être joint à temps — vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud did not answer in time — check your connection and try again.</source>
        <translation>OVHcloud n&apos;a pas répondu à temps — vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <source>The connection to OVHcloud was cut — check your connection and try again.</source>
        <translation>La connexion à OVHcloud a été coupée — vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud sent an unreadable answer — try again in a few minutes.</source>
        <translation>OVHcloud a envoyé une réponse illisible — réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>Too many requests to OVHcloud — wait a minute, then try again.</source>
        <translation>Trop de demandes envoyées à OVHcloud — attendez une minute, puis réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud is still busy with a previous request — wait a moment, then try again.</source>
        <translation>OVHcloud traite encore une demande précédente — patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>OVHcloud has a temporary problem — try again in a few minutes.</source>
        <translation>OVHcloud rencontre un problème temporaire — réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong with OVHcloud — try again; the log has details.</source>
        <translation>Un problème inattendu est survenu avec OVHcloud — réessayez ; le journal donne les détails.</translation>
    </message>
    <message>
        <source>It may have been done all the same: check before trying again.</source>
        <translation>L&apos;action a peut-être eu lieu malgré tout : vérifiez avant de réessayer.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Copied numbers cannot be noticed here</source>
        <translation>Les numéros copiés ne peuvent pas être remarqués ici</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Line {line}: {state}</source>
        <translation>Ligne {line} : {state}</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Aucun numéro</translation>
    </message>
    <message>
        <source>No phone number to call was found.</source>
        <translation>Aucun numéro de téléphone à appeler n&apos;a été trouvé.</translation>
    </message>
    <message>
        <source>Not configured — Try the demo / Settings…</source>
        <translation>Non configuré — Essayer la démo / Réglages…</translation>
    </message>
    <message>
        <source>Nothing to call</source>
        <translation>Rien à appeler</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <source>error — see the last notification</source>
        <translation>erreur — voir la dernière notification</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
</context>
<context>
    <name>BehaviourPage</name>
    <message>
        <source>A new language takes effect the next time EasyClick2Call starts.</source>
        <translation>Une nouvelle langue prend effet au prochain lancement d&apos;EasyClick2Call.</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportement</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Call a number — EasyClick2Call</source>
        <translation>Appeler un numéro — EasyClick2Call</translation>
    </message>
    <message>
        <source>Number or name to call:</source>
        <translation>Numéro ou nom à appeler :</translation>
    </message>
    <message>
        <source>e.g. 01 99 00 12 34 or +32 2 123 45 67</source>
        <translation>p. ex. 01 99 00 12 34 ou +32 2 123 45 67</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>Contacts correspondants</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Type a phone number first.</source>
        <translation>Saisissez d&apos;abord un numéro de téléphone.</translation>
    </message>
    <message>
        <source>This is not a number that can be called.</source>
        <translation>Ce n&apos;est pas un numéro qui peut être appelé.</translation>
    </message>
</context>
<context>
    <name>CallPopup</name>
    <message>
        <source>Call this number?</source>
        <translation>Appeler ce numéro ?</translation>
    </message>
    <message>
        <source>Call which number?</source>
        <translation>Quel numéro appeler ?</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Call {numbers}? — EasyClick2Call</source>
        <translation>Appeler {numbers} ? — EasyClick2Call</translation>
    </message>
    <message>
        <source>Call {numbers}? — {names} — EasyClick2Call</source>
        <translation>Appeler {numbers} ? — {names} — EasyClick2Call</translation>
    </message>
    <message>
        <source>Call {name} — {number}?</source>
        <translation>Appeler {name} — {number} ?</translation>
    </message>
    <message>
        <source>Demo mode: calls go to the built-in sandbox, not OVHcloud.</source>
        <translation>Mode démo : les appels vont au bac à sable intégré, pas à OVHcloud.</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more number(s).</source>
        <translation>
            <numerusform>…et %n autre numéro.</numerusform>
            <numerusform>…et %n autres numéros.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first {count} characters of what you copied were read: copy a smaller part to see every number in it.</source>
        <translation>Seuls les {count} premiers caractères de ce que vous avez copié ont été lus : copiez un passage plus court pour voir tous ses numéros.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Not called: numbers starting with {prefix} are blocked (premium rate); change this in Settings › Filters.</source>
        <translation>Non appelé : les numéros commençant par {prefix} sont bloqués (surtaxés) ; modifiez-le dans Réglages › Filtres.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation>Appeler le {number}</translation>
    </message>
    <message>
        <source>Call abroad ({country})</source>
        <translation>Appel à l&apos;étranger ({country})</translation>
    </message>
</context>
<context>
    <name>Calling</name>
    <message>
        <source>An unexpected error happened while calling; the call may have been placed — check your phone before calling again.</source>
        <translation>Une erreur inattendue s&apos;est produite pendant l&apos;appel ; l&apos;appel a peut-être été passé — vérifiez votre téléphone avant de rappeler.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Call abroad?</source>
        <translation>Appeler à l&apos;étranger ?</translation>
    </message>
    <message>
        <source>Call again?</source>
        <translation>Rappeler ?</translation>
    </message>
    <message>
        <source>Call history not updated</source>
        <translation>Historique des appels non mis à jour</translation>
    </message>
    <message>
        <source>Call to {number} not placed</source>
        <translation>Appel au {number} non passé</translation>
    </message>
    <message>
        <source>Calling {number}</source>
        <translation>Appel du {number}</translation>
    </message>
    <message>
        <source>Don&apos;t call</source>
        <translation>Ne pas appeler</translation>
    </message>
    <message>
        <source>If your phone rings, pick up; calling this number again will ask first.</source>
        <translation>Si votre téléphone sonne, décrochez ; rappeler ce numéro demandera d&apos;abord confirmation.</translation>
    </message>
    <message>
        <source>Numbers starting with {prefix} are blocked (premium rate); change this in Settings › Filters.</source>
        <translation>Les numéros commençant par {prefix} sont bloqués (surtaxés) ; modifiez cela dans Réglages › Filtres.</translation>
    </message>
    <message>
        <source>The call could not be placed because of an unexpected error — try again; if it keeps failing, see the log file.</source>
        <translation>L&apos;appel n&apos;a pas pu être passé à cause d&apos;une erreur inattendue — réessayez ; si cela continue, consultez le fichier journal.</translation>
    </message>
    <message>
        <source>The call to {number} may have been placed</source>
        <translation>L&apos;appel au {number} a peut-être été passé</translation>
    </message>
    <message>
        <source>The call to {number} was placed, but it could not be saved in the call history; the log file has details.</source>
        <translation>L&apos;appel au {number} a bien été passé, mais il n&apos;a pas pu être enregistré dans l&apos;historique ; le journal donne les détails.</translation>
    </message>
    <message>
        <source>This number cannot be called.</source>
        <translation>Ce numéro ne peut pas être appelé.</translation>
    </message>
    <message>
        <source>Your last call to {number} may have been placed already. Call it again?</source>
        <translation>Votre dernier appel au {number} a peut-être déjà été passé. Le rappeler ?</translation>
    </message>
    <message>
        <source>Your phone (line {line}) is picking up on its speaker — calling {number}.</source>
        <translation>Votre téléphone (ligne {line}) décroche sur son haut-parleur — appel du {number}.</translation>
    </message>
    <message>
        <source>Your phone (line {line}) is ringing — pick up to reach {number}.</source>
        <translation>Votre téléphone (ligne {line}) sonne — décrochez pour joindre le {number}.</translation>
    </message>
    <message>
        <source>your line</source>
        <translation>votre ligne</translation>
    </message>
    <message>
        <source>{number} is a number in {country}. Call it?</source>
        <translation>{number} est un numéro en {country}. L&apos;appeler ?</translation>
    </message>
    <message>
        <source>{number} was not called</source>
        <translation>{number} n&apos;a pas été appelé</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Demo — copy a phone number anywhere to try it (nothing is really dialled); “Set up my account…” in the tray menu connects your OVHcloud account, “Quit” stops it.</source>
        <translation>Démo — copiez un numéro de téléphone n&apos;importe où pour l&apos;essayer (rien n&apos;est vraiment composé) ; « Configurer mon compte… » dans le menu de l&apos;icône connecte votre compte OVHcloud, « Quitter » l&apos;arrête.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>--region {shown}: not a country code — use two letters such as FR, BE, CH or CA.</source>
        <translation>--region {shown} : ce n&apos;est pas un code de pays — utilisez deux lettres comme FR, BE, CH ou CA.</translation>
    </message>
    <message>
        <source>This OVHcloud account has no telephony billing account.</source>
        <translation>Ce compte OVHcloud n&apos;a aucun compte de facturation téléphonie.</translation>
    </message>
    <message>
        <source>Several billing accounts ({names}) — choose one with --billing-account.</source>
        <translation>Plusieurs comptes de facturation ({names}) — choisissez-en un avec --billing-account.</translation>
    </message>
    <message>
        <source>The billing account {billing_account} has no line.</source>
        <translation>Le compte de facturation {billing_account} n&apos;a aucune ligne.</translation>
    </message>
    <message>
        <source>Several lines ({names}) — choose one with --line.</source>
        <translation>Plusieurs lignes ({names}) — choisissez-en une avec --line.</translation>
    </message>
    <message>
        <source>[y/N] </source>
        <translation>[o/N] </translation>
    </message>
    <message>
        <source>Not called: numbers starting with {prefix} are blocked (premium rate); change this with `easyclick2call config set blocked_prefixes …`.</source>
        <translation>Non appelé : les numéros commençant par {prefix} sont bloqués (surtaxés) ; modifiez cela avec `easyclick2call config set blocked_prefixes …`.</translation>
    </message>
    <message>
        <source>Not a callable number: {reason}</source>
        <translation>Numéro impossible à appeler : {reason}</translation>
    </message>
    <message>
        <source>{shown} is a number abroad ({country}). Call it?</source>
        <translation>{shown} est un numéro à l&apos;étranger ({country}). L&apos;appeler ?</translation>
    </message>
    <message>
        <source>Your last call to {shown} may have been placed already. Call it again?</source>
        <translation>Votre dernier appel au {shown} a peut-être déjà abouti. Le rappeler ?</translation>
    </message>
    <message>
        <source>Not called: {question} — confirm with --yes.</source>
        <translation>Non appelé : {question} — confirmez avec --yes.</translation>
    </message>
    <message>
        <source>Not called.</source>
        <translation>Non appelé.</translation>
    </message>
    <message>
        <source>easyclick2call: warning: the call could not be saved in the history.</source>
        <translation>easyclick2call : attention : l&apos;appel n&apos;a pas pu être enregistré dans l&apos;historique.</translation>
    </message>
    <message>
        <source>No callable phone number on the clipboard — copy one and try again.</source>
        <translation>Aucun numéro appelable dans le presse-papiers — copiez-en un et réessayez.</translation>
    </message>
    <message>
        <source>Give the NUMBER to call, or --clipboard (not both).</source>
        <translation>Indiquez le NUMÉRO à appeler, ou --clipboard (pas les deux).</translation>
    </message>
    <message>
        <source>Calling {shown}: your line {line} rings first — pick up to be connected.</source>
        <translation>Appel du {shown} : votre ligne {line} sonne d&apos;abord — décrochez pour être mis en relation.</translation>
    </message>
    <message>
        <source>connect is for API applications; an OAuth2 service account needs no connection.</source>
        <translation>connect sert aux applications API ; un compte de service OAuth2 n&apos;a pas besoin de connexion.</translation>
    </message>
    <message>
        <source>Open this page and accept the access request: {url}</source>
        <translation>Ouvrez cette page et acceptez la demande d&apos;accès : {url}</translation>
    </message>
    <message>
        <source>(No browser could be opened: copy the address above into one.)</source>
        <translation>(Aucun navigateur n&apos;a pu être ouvert : copiez l&apos;adresse ci-dessus dans l&apos;un d&apos;eux.)</translation>
    </message>
    <message>
        <source>Connected: the new access key is saved in the keyring.</source>
        <translation>Connecté : la nouvelle clé d&apos;accès est enregistrée dans le trousseau.</translation>
    </message>
    <message>
        <source>Connected. Keep this access key: OVH_CONSUMER_KEY={consumer_key}</source>
        <translation>Connecté. Gardez cette clé d&apos;accès : OVH_CONSUMER_KEY={consumer_key}</translation>
    </message>
    <message>
        <source>No contacts yet: import a file (contacts import FILE) or sync OVHcloud&apos;s phonebooks (contacts sync).</source>
        <translation>Aucun contact : importez un fichier (contacts import FICHIER) ou synchronisez les carnets OVHcloud (contacts sync).</translation>
    </message>
    <message>
        <source>No contact matches.</source>
        <translation>Aucun contact trouvé.</translation>
    </message>
    <message>
        <source>Imported {stored} contacts from {name} ({skipped} entries without a name or a usable number skipped).</source>
        <translation>{stored} contacts importés de {name} ({skipped} fiches sans nom ou sans numéro utilisable ignorées).</translation>
    </message>
    <message>
        <source>Imported {stored} contacts from {name}.</source>
        <translation>{stored} contacts importés de {name}.</translation>
    </message>
    <message>
        <source>{books} phonebooks synced: {contacts} contacts ({read} read, {removed} removed).</source>
        <translation>{books} carnets synchronisés : {contacts} contacts ({read} lus, {removed} supprimés).</translation>
    </message>
    <message>
        <source>{count} contacts forgotten.</source>
        <translation>{count} contacts oubliés.</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting…</source>
        <translation>Connexion perdue ; reconnexion…</translation>
    </message>
    <message>
        <source>Following live events (Ctrl+C to stop)…</source>
        <translation>Suivi des événements en direct (Ctrl+C pour arrêter)…</translation>
    </message>
    <message>
        <source>{read} new call records from OVHcloud ({stored} in all).</source>
        <translation>{read} nouveaux relevés d&apos;appels OVHcloud ({stored} en tout).</translation>
    </message>
    <message>
        <source>No line found.</source>
        <translation>Aucune ligne trouvée.</translation>
    </message>
    <message>
        <source>No Click2Call user on line {line}.</source>
        <translation>Aucun utilisateur Click2Call sur la ligne {line}.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nouveau mot de passe : </translation>
    </message>
    <message>
        <source>Password again: </source>
        <translation>Mot de passe à nouveau : </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Click2Call user {login} created on line {line} (id {user_id}).</source>
        <translation>Utilisateur Click2Call {login} créé sur la ligne {line} (id {user_id}).</translation>
    </message>
    <message>
        <source>Password of Click2Call user {id} changed.</source>
        <translation>Mot de passe de l&apos;utilisateur Click2Call {id} modifié.</translation>
    </message>
    <message>
        <source>Click2Call user {id} deleted.</source>
        <translation>Utilisateur Click2Call {id} supprimé.</translation>
    </message>
    <message>
        <source>No OVHcloud account is set up (or it is not connected yet) — set it up with &apos;easyclick2call config set application_key KEY&apos;, &apos;easyclick2call config set-secret application_secret&apos;, then &apos;easyclick2call connect&apos; (or try the app with &apos;easyclick2call --demo&apos;).</source>
        <translation>Aucun compte OVHcloud n&apos;est configuré (ou il n&apos;est pas encore connecté) — configurez-le avec &apos;easyclick2call config set application_key CLÉ&apos;, &apos;easyclick2call config set-secret application_secret&apos;, puis &apos;easyclick2call connect&apos; (ou essayez l&apos;application avec &apos;easyclick2call --demo&apos;).</translation>
    </message>
    <message>
        <source>The OVHcloud account settings are incomplete or invalid — see them with &apos;easyclick2call config show&apos; and fix them with &apos;easyclick2call config set KEY VALUE&apos;.</source>
        <translation>Les réglages du compte OVHcloud sont incomplets ou invalides — voyez-les avec &apos;easyclick2call config show&apos; et corrigez-les avec &apos;easyclick2call config set CLÉ VALEUR&apos;.</translation>
    </message>
    <message>
        <source>OVHcloud asks you to sign in — run &apos;easyclick2call connect&apos;.</source>
        <translation>OVHcloud demande de vous identifier — lancez &apos;easyclick2call connect&apos;.</translation>
    </message>
    <message>
        <source>OVHcloud refused the application secret — set the application key and secret again with &apos;easyclick2call config set application_key KEY&apos; and &apos;easyclick2call config set-secret application_secret&apos;.</source>
        <translation>OVHcloud a refusé le secret d&apos;application — indiquez à nouveau la clé et le secret avec &apos;easyclick2call config set application_key CLÉ&apos; et &apos;easyclick2call config set-secret application_secret&apos;.</translation>
    </message>
    <message>
        <source>OVHcloud does not know this application key — set it again with &apos;easyclick2call config set application_key KEY&apos; (and check the endpoint in &apos;easyclick2call config show&apos;).</source>
        <translation>OVHcloud ne connaît pas cette clé d&apos;application — indiquez-la à nouveau avec &apos;easyclick2call config set application_key CLÉ&apos; (et vérifiez le point d&apos;accès dans &apos;easyclick2call config show&apos;).</translation>
    </message>
    <message>
        <source>Access expired — run &apos;easyclick2call connect&apos; again.</source>
        <translation>Accès expiré — relancez &apos;easyclick2call connect&apos;.</translation>
    </message>
    <message>
        <source>This access key is unknown or belongs to another application — run &apos;easyclick2call connect&apos; again.</source>
        <translation>Cette clé d&apos;accès est inconnue ou appartient à une autre application — relancez &apos;easyclick2call connect&apos;.</translation>
    </message>
    <message>
        <source>Your access key does not allow this action — run &apos;easyclick2call connect&apos; again to grant it.</source>
        <translation>Votre clé d&apos;accès ne permet pas cette action — relancez &apos;easyclick2call connect&apos; pour l&apos;autoriser.</translation>
    </message>
    <message>
        <source>OVHcloud refused the service account — set it again with &apos;easyclick2call config set client_id ID&apos; and &apos;easyclick2call config set-secret client_secret&apos;.</source>
        <translation>OVHcloud a refusé le compte de service — indiquez-le à nouveau avec &apos;easyclick2call config set client_id ID&apos; et &apos;easyclick2call config set-secret client_secret&apos;.</translation>
    </message>
    <message>
        <source>Signing in with the service account failed — check it with &apos;easyclick2call config show&apos;, then try again.</source>
        <translation>La connexion avec le compte de service a échoué — vérifiez-le avec &apos;easyclick2call config show&apos;, puis réessayez.</translation>
    </message>
    <message>
        <source>The access request was refused on OVHcloud&apos;s page — run &apos;easyclick2call connect&apos; again and accept it.</source>
        <translation>La demande d&apos;accès a été refusée sur la page d&apos;OVHcloud — relancez &apos;easyclick2call connect&apos; et acceptez-la.</translation>
    </message>
    <message>
        <source>The access request expired — run &apos;easyclick2call connect&apos; again.</source>
        <translation>La demande d&apos;accès a expiré — relancez &apos;easyclick2call connect&apos;.</translation>
    </message>
    <message>
        <source>The access request was not validated in time — run &apos;easyclick2call connect&apos; again and accept it sooner.</source>
        <translation>La demande d&apos;accès n&apos;a pas été validée à temps — relancez &apos;easyclick2call connect&apos; et acceptez-la plus tôt.</translation>
    </message>
    <message>
        <source>OVHcloud refused the request — check the number, and the line with &apos;easyclick2call lines&apos;.</source>
        <translation>OVHcloud a refusé la demande — vérifiez le numéro, et la ligne avec &apos;easyclick2call lines&apos;.</translation>
    </message>
    <message>
        <source>OVHcloud does not know this billing account, line or Click2Call user — list them with &apos;easyclick2call lines&apos; and &apos;easyclick2call users list&apos;, then &apos;easyclick2call config set line LINE&apos;.</source>
        <translation>OVHcloud ne connaît pas ce compte de facturation, cette ligne ou cet utilisateur Click2Call — listez-les avec &apos;easyclick2call lines&apos; et &apos;easyclick2call users list&apos;, puis &apos;easyclick2call config set line LIGNE&apos;.</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>passé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>may have been placed</source>
        <translation>peut-être passé</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>abouti</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>manqué</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>No calls in the history.</source>
        <translation>Aucun appel dans l&apos;historique.</translation>
    </message>
    <message>
        <source>cannot write {target}: {reason}.</source>
        <translation>impossible d&apos;écrire {target} : {reason}.</translation>
    </message>
    <message>
        <source>{count} call(s) exported to {target}</source>
        <translation>{count} appel(s) exporté(s) dans {target}</translation>
    </message>
</context>
<context>
    <name>ClipboardRead</name>
    <message>
        <source>Cannot read the clipboard: no clipboard tool was found. On Linux install xclip or xsel (X11) or wl-clipboard (Wayland), e.g. “sudo apt install xclip”.</source>
        <translation>Impossible de lire le presse-papiers : aucun outil de presse-papiers n&apos;a été trouvé. Sous Linux, installez xclip ou xsel (X11) ou wl-clipboard (Wayland), par exemple « sudo apt install xclip ».</translation>
    </message>
    <message>
        <source>Cannot read the clipboard: no graphical session was found (neither DISPLAY nor WAYLAND_DISPLAY is set), and the clipboard belongs to one. Run this from your desktop session, or give the number instead: easyclick2call call &quot;01 99 00 12 34&quot;.</source>
        <translation>Impossible de lire le presse-papiers : aucune session graphique n&apos;a été trouvée (ni DISPLAY ni WAYLAND_DISPLAY n&apos;est défini), et le presse-papiers appartient à une telle session. Lancez ceci depuis votre session de bureau, ou donnez plutôt le numéro : easyclick2call call &quot;01 99 00 12 34&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the clipboard ({name}): copy the number again and retry.</source>
        <translation>Impossible de lire le presse-papiers ({name}) : copiez à nouveau le numéro et réessayez.</translation>
    </message>
    <message>
        <source>Numbers found on the clipboard:</source>
        <translation>Numéros trouvés dans le presse-papiers :</translation>
    </message>
    <message>
        <source>Which one do you want to call? [1-{count}, Enter = 1, q = cancel] </source>
        <translation>Lequel voulez-vous appeler ? [1-{count}, Entrée = 1, q = annuler] </translation>
    </message>
    <message>
        <source>Please type a number from 1 to {count}, or q to cancel.</source>
        <translation>Tapez un nombre de 1 à {count}, ou q pour annuler.</translation>
    </message>
</context>
<context>
    <name>ContactImport</name>
    <message>
        <source>{name} is larger than 64 MB: not an address book.</source>
        <translation>{name} dépasse 64 Mo : ce n&apos;est pas un carnet d&apos;adresses.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>Impossible de lire {name} : {reason}.</translation>
    </message>
    <message>
        <source>{name} holds no vCard (no BEGIN:VCARD line).</source>
        <translation>{name} ne contient aucune vCard (pas de BEGIN:VCARD).</translation>
    </message>
    <message>
        <source>This file holds no vCard.</source>
        <translation>Ce fichier ne contient aucune vCard.</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>Ce fichier est vide.</translation>
    </message>
    <message>
        <source>This file has no phone number column: it is not an address book export (vCard, or CSV with a header row).</source>
        <translation>Ce fichier n&apos;a aucune colonne de numéro de téléphone : ce n&apos;est pas un export de carnet d&apos;adresses (vCard, ou CSV avec une ligne d&apos;en-tête).</translation>
    </message>
</context>
<context>
    <name>DamageNotices</name>
    <message>
        <source>%1 is damaged and could not be kept aside: see the log.</source>
        <translation>%1 est endommagé et n&apos;a pas pu être mis de côté : consultez le journal.</translation>
    </message>
    <message>
        <source>Call history damaged</source>
        <translation>Historique des appels endommagé</translation>
    </message>
    <message>
        <source>Call history not saved</source>
        <translation>Historique des appels non enregistré</translation>
    </message>
    <message>
        <source>Call history repaired</source>
        <translation>Historique des appels réparé</translation>
    </message>
    <message>
        <source>Calls cannot be recorded in the call history (%1): check that %2 can be written.</source>
        <translation>Les appels ne peuvent pas être enregistrés dans l&apos;historique (%1) : vérifiez que %2 est accessible en écriture.</translation>
    </message>
    <message>
        <source>Settings file damaged</source>
        <translation>Fichier de réglages endommagé</translation>
    </message>
    <message>
        <source>Settings file repaired</source>
        <translation>Fichier de réglages réparé</translation>
    </message>
    <message>
        <source>The call history was damaged and a new one was started; the damaged file was kept as %1.</source>
        <translation>L&apos;historique des appels était endommagé et un nouvel historique a été commencé ; le fichier endommagé a été gardé sous le nom %1.</translation>
    </message>
    <message>
        <source>The endpoint setting &quot;%1&quot; is not valid — choose one in Account.</source>
        <translation>Le réglage endpoint « %1 » n&apos;est pas valide — choisissez-en un dans Compte.</translation>
    </message>
    <message>
        <source>The settings file was damaged: every setting that could still be read is kept, and the damaged file was kept as %1.</source>
        <translation>Le fichier de réglages était endommagé : tous les réglages encore lisibles sont conservés, et le fichier endommagé a été gardé sous le nom %1.</translation>
    </message>
</context>
<context>
    <name>FiltersPage</name>
    <message>
        <source>Numbers starting with a blocked prefix are never called; the popup says why. Write prefixes in international form, such as +3389 for 08 9x numbers in France.</source>
        <translation>Les numéros commençant par un préfixe bloqué ne sont jamais appelés ; la fenêtre dit pourquoi. Écrivez les préfixes sous forme internationale, par exemple +3389 pour les numéros en 08 9x en France.</translation>
    </message>
    <message>
        <source>Prefix to block (such as +3389):</source>
        <translation>Préfixe à bloquer (par exemple +3389) :</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>{prefix} is not a prefix: write + then the country code and the first digits, such as +3389.</source>
        <translation>{prefix} n&apos;est pas un préfixe : écrivez + puis l&apos;indicatif du pays et les premiers chiffres, par exemple +3389.</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Call history — EasyClick2Call</source>
        <translation>Historique des appels — EasyClick2Call</translation>
    </message>
    <message>
        <source> (Demo)</source>
        <translation> (Démo)</translation>
    </message>
    <message>
        <source>Filter by number, date, line or result</source>
        <translation>Filtrer par numéro, date, ligne ou résultat</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Sortants</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Entrants</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqués</translation>
    </message>
    <message>
        <source>Calls to show</source>
        <translation>Appels à afficher</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>Aucun appel pour l&apos;instant.</translation>
    </message>
    <message>
        <source>&amp;Redial</source>
        <translation>&amp;Rappeler</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Save as contact…</source>
        <translation>&amp;Enregistrer comme contact…</translation>
    </message>
    <message>
        <source>C&amp;lear all…</source>
        <translation>&amp;Tout effacer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The call history could not be read.</source>
        <translation>L&apos;historique des appels n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>Hidden number</source>
        <translation>Numéro masqué</translation>
    </message>
    <message>
        <source> (demo)</source>
        <translation> (démo)</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>May have been placed</source>
        <translation>Peut-être passé</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Appel reçu</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Appel transféré</translation>
    </message>
    <message>
        <source>Call from the phone</source>
        <translation>Appel depuis le téléphone</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>non configuré</translation>
    </message>
    <message>
        <source>settings incomplete</source>
        <translation>réglages incomplets</translation>
    </message>
    <message>
        <source>endpoint setting not valid</source>
        <translation>réglage endpoint non valide</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>sign-in refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>access expired</source>
        <translation>accès expiré</translation>
    </message>
    <message>
        <source>access unknown</source>
        <translation>accès inconnu</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>non autorisé</translation>
    </message>
    <message>
        <source>computer clock is wrong</source>
        <translation>horloge de l&apos;ordinateur fausse</translation>
    </message>
    <message>
        <source>number refused</source>
        <translation>numéro refusé</translation>
    </message>
    <message>
        <source>line not found</source>
        <translation>ligne introuvable</translation>
    </message>
    <message>
        <source>line expired</source>
        <translation>ligne expirée</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>pas de connexion</translation>
    </message>
    <message>
        <source>secure connection failed</source>
        <translation>échec de la connexion sécurisée</translation>
    </message>
    <message>
        <source>no answer from OVHcloud in time</source>
        <translation>pas de réponse d&apos;OVHcloud à temps</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>connexion perdue</translation>
    </message>
    <message>
        <source>unexpected answer from OVHcloud</source>
        <translation>réponse inattendue d&apos;OVHcloud</translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation>trop de demandes</translation>
    </message>
    <message>
        <source>refused by OVHcloud</source>
        <translation>refusé par OVHcloud</translation>
    </message>
    <message>
        <source>OVHcloud server error</source>
        <translation>erreur du serveur OVHcloud</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>raison inconnue</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Clear call history?</source>
        <translation>Effacer l&apos;historique des appels ?</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n call(s) from the history? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %n appel de l&apos;historique ? C&apos;est définitif.</numerusform>
            <numerusform>Supprimer les %n appels de l&apos;historique ? C&apos;est définitif.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <source>The call history could not be changed.</source>
        <translation>L&apos;historique des appels n&apos;a pas pu être modifié.</translation>
    </message>
</context>
<context>
    <name>Hotkey</name>
    <message>
        <source>Global shortcut unavailable</source>
        <translation>Raccourci global indisponible</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Aucun numéro</translation>
    </message>
    <message>
        <source>Select or copy a phone number, then press {shortcut}.</source>
        <translation>Sélectionnez ou copiez un numéro de téléphone, puis appuyez sur {shortcut}.</translation>
    </message>
    <message>
        <source>The keyboard has no key for {shortcut}. Choose another shortcut in Settings › Behaviour.</source>
        <translation>Le clavier n&apos;a pas de touche pour {shortcut}. Choisissez un autre raccourci dans Réglages › Comportement.</translation>
    </message>
    <message>
        <source>This desktop gives EasyClick2Call no global shortcut. Use “Call clipboard now” in the tray menu, or have your desktop&apos;s own shortcut settings run “easyclick2call call --clipboard”.</source>
        <translation>Ce bureau ne donne pas de raccourci global à EasyClick2Call. Utilisez « Appeler le presse-papiers maintenant » dans le menu de l&apos;icône, ou faites lancer « easyclick2call call --clipboard » par un raccourci des réglages de votre bureau.</translation>
    </message>
    <message>
        <source>{shortcut} is already used by another program. Choose another shortcut in Settings › Behaviour.</source>
        <translation>{shortcut} est déjà utilisé par un autre programme. Choisissez un autre raccourci dans Réglages › Comportement.</translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <source>Global shortcut</source>
        <translation>Raccourci global</translation>
    </message>
    <message>
        <source>No shortcut</source>
        <translation>Aucun raccourci</translation>
    </message>
    <message>
        <source>Use Ctrl, Alt or Meta with a letter, a digit, F1–F24 or an arrow key.</source>
        <translation>Utilisez Ctrl, Alt ou Méta avec une lettre, un chiffre, F1–F24 ou une flèche.</translation>
    </message>
    <message>
        <source>Your desktop will ask you to confirm {shortcut}.</source>
        <translation>Votre bureau vous demandera de confirmer {shortcut}.</translation>
    </message>
    <message>
        <source>Checking whether {shortcut} is free…</source>
        <translation>Vérification de la disponibilité de {shortcut}…</translation>
    </message>
    <message>
        <source>{shortcut} is free.</source>
        <translation>{shortcut} est libre.</translation>
    </message>
</context>
<context>
    <name>LinePage</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Billing account</source>
        <translation>Compte de facturation</translation>
    </message>
    <message>
        <source>Click2Call user</source>
        <translation>Utilisateur Click2Call</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Fetch the lists again from your account.</source>
        <translation>Récupérer à nouveau les listes depuis votre compte.</translation>
    </message>
    <message>
        <source>Ring my phone</source>
        <translation>Faire sonner mon téléphone</translation>
    </message>
    <message>
        <source>Intercom</source>
        <translation>Interphone</translation>
    </message>
    <message>
        <source>Calling mode</source>
        <translation>Mode d&apos;appel</translation>
    </message>
    <message>
        <source>&amp;Test call…</source>
        <translation>Appel de &amp;test…</translation>
    </message>
    <message>
        <source>Calls a number you type with the settings above: your phone rings first.</source>
        <translation>Appelle un numéro que vous saisissez avec les réglages ci-dessus : votre téléphone sonne d&apos;abord.</translation>
    </message>
    <message>
        <source>Set up and connect the account on the Account page first.</source>
        <translation>Configurez et connectez d&apos;abord le compte sur la page Compte.</translation>
    </message>
    <message>
        <source>Fetching your billing accounts and lines…</source>
        <translation>Récupération de vos comptes de facturation et de vos lignes…</translation>
    </message>
    <message>
        <source>This account has no telephony billing account.</source>
        <translation>Ce compte n&apos;a aucun compte de facturation téléphonie.</translation>
    </message>
    <message>
        <source>This billing account has no line.</source>
        <translation>Ce compte de facturation n&apos;a aucune ligne.</translation>
    </message>
    <message>
        <source>{n} line(s) found.</source>
        <translation>Lignes trouvées : {n}.</translation>
    </message>
    <message>
        <source>Fetching the lines…</source>
        <translation>Récupération des lignes…</translation>
    </message>
    <message>
        <source>Fetching the Click2Call users…</source>
        <translation>Récupération des utilisateurs Click2Call…</translation>
    </message>
    <message>
        <source>None — calls are placed by the API account</source>
        <translation>Aucun — les appels sont passés par le compte API</translation>
    </message>
    <message>
        <source>Add a Click2Call user</source>
        <translation>Ajouter un utilisateur Click2Call</translation>
    </message>
    <message>
        <source>Creating the user…</source>
        <translation>Création de l&apos;utilisateur…</translation>
    </message>
    <message>
        <source>User {login} created.</source>
        <translation>Utilisateur {login} créé.</translation>
    </message>
    <message>
        <source>New password for {user}</source>
        <translation>Nouveau mot de passe pour {user}</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Changement du mot de passe…</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Mot de passe changé.</translation>
    </message>
    <message>
        <source>Delete the Click2Call user</source>
        <translation>Supprimer l&apos;utilisateur Click2Call</translation>
    </message>
    <message>
        <source>Delete {user}? Whoever uses this login to place calls will no longer be able to.</source>
        <translation>Supprimer {user} ? Quiconque utilise cet identifiant pour passer des appels ne le pourra plus.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Deleting the user…</source>
        <translation>Suppression de l&apos;utilisateur…</translation>
    </message>
    <message>
        <source>User deleted.</source>
        <translation>Utilisateur supprimé.</translation>
    </message>
    <message>
        <source>Test call</source>
        <translation>Appel de test</translation>
    </message>
    <message>
        <source>Number to call (your phone rings first, then this number is dialled):</source>
        <translation>Numéro à appeler (votre téléphone sonne d&apos;abord, puis ce numéro est composé) :</translation>
    </message>
    <message>
        <source>Placing the call…</source>
        <translation>Appel en cours…</translation>
    </message>
    <message>
        <source>Call placed: your phone ({line}) should ring now — pick up to reach {number}.</source>
        <translation>Appel passé : votre téléphone ({line}) devrait sonner maintenant — décrochez pour joindre le {number}.</translation>
    </message>
    <message>
        <source>{number} is a number abroad ({country}). Call it?</source>
        <translation>{number} est un numéro à l&apos;étranger ({country}). L&apos;appeler ?</translation>
    </message>
    <message>
        <source>The last call to {number} may have been placed already. Call it again?</source>
        <translation>Le dernier appel au {number} a peut-être déjà été passé. Le rappeler ?</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>Rétablir les valeurs par &amp;défaut</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>LiveCalls</name>
    <message>
        <source>1 missed call</source>
        <translation>1 appel manqué</translation>
    </message>
    <message>
        <source>Answered — {duration}</source>
        <translation>Répondu — {duration}</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Rappeler</translation>
    </message>
    <message>
        <source>Call back {number} (missed at {time})</source>
        <translation>Rappeler le {number} (manqué à {time})</translation>
    </message>
    <message>
        <source>Calling {number}</source>
        <translation>Appel du {number}</translation>
    </message>
    <message>
        <source>Calling {number}…</source>
        <translation>Appel du {number}…</translation>
    </message>
    <message>
        <source>Connected {duration}</source>
        <translation>En ligne {duration}</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copier le numéro</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Ended — {duration}</source>
        <translation>Terminé — {duration}</translation>
    </message>
    <message>
        <source>In a call with {number}.</source>
        <translation>En communication avec le {number}.</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <source>Incoming call {number}</source>
        <translation>Appel entrant {number}</translation>
    </message>
    <message>
        <source>Incoming, answered — {duration}</source>
        <translation>Entrant, répondu — {duration}</translation>
    </message>
    <message>
        <source>Live calls are off</source>
        <translation>Les appels en direct sont désactivés</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <source>Missed call {number}</source>
        <translation>Appel manqué {number}</translation>
    </message>
    <message>
        <source>Missed calls</source>
        <translation>Appels manqués</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>On line {line}</source>
        <translation>Sur la ligne {line}</translation>
    </message>
    <message>
        <source>On line {line} at {time}</source>
        <translation>Sur la ligne {line} à {time}</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>The call with {number} has ended.</source>
        <translation>L&apos;appel avec le {number} est terminé.</translation>
    </message>
    <message>
        <source>Your phone is ringing… pick up to reach {number}.</source>
        <translation>Votre téléphone sonne… décrochez pour joindre le {number}.</translation>
    </message>
    <message>
        <source>{count} missed calls</source>
        <translation>{count} appels manqués</translation>
    </message>
    <message>
        <source>{number} did not answer.</source>
        <translation>Le {number} n&apos;a pas répondu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your desktop shows no system tray, so EasyClick2Call opens this window instead. On GNOME, install and switch on the “AppIndicator and KStatusNotifierItem Support” extension (Debian, Ubuntu: gnome-shell-extension-appindicator); on other desktops, add the System Tray to a panel. The icon then appears by itself.</source>
        <translation>Votre bureau n&apos;affiche pas de zone de notification, EasyClick2Call ouvre donc cette fenêtre à la place. Sous GNOME, installez et activez l&apos;extension « AppIndicator and KStatusNotifierItem Support » (Debian, Ubuntu : gnome-shell-extension-appindicator) ; sur les autres bureaux, ajoutez la zone de notification à un tableau de bord. L&apos;icône apparaît alors d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Set up my account…</source>
        <translation>Configurer mon compte…</translation>
    </message>
    <message>
        <source>Call a number…</source>
        <translation>Appeler un numéro…</translation>
    </message>
    <message>
        <source>Call clipboard now</source>
        <translation>Appeler le presse-papiers maintenant</translation>
    </message>
    <message>
        <source>Pause watching</source>
        <translation>Suspendre la surveillance</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>NotificationOffer</name>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Call abroad ({country})</source>
        <translation>Appeler à l&apos;étranger ({country})</translation>
    </message>
    <message>
        <source>Call which number?</source>
        <translation>Quel numéro appeler ?</translation>
    </message>
    <message>
        <source>Call {number}?</source>
        <translation>Appeler le {number} ?</translation>
    </message>
    <message>
        <source>Cannot offer the number</source>
        <translation>Impossible de proposer le numéro</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>This desktop shows no notifications with buttons. Use “Call a number…” in the tray menu.</source>
        <translation>Ce bureau n&apos;affiche pas de notifications avec boutons. Utilisez « Appeler un numéro… » dans le menu de l&apos;icône.</translation>
    </message>
    <message>
        <source>not called: numbers starting with {prefix} are blocked</source>
        <translation>non appelé : les numéros commençant par {prefix} sont bloqués</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
</context>
<context>
    <name>OsIntegration</name>
    <message>
        <source>Desktop integration</source>
        <translation>Intégration au bureau</translation>
    </message>
    <message>
        <source>The system settings could not be changed ({error}).</source>
        <translation>Les réglages du système n’ont pas pu être modifiés ({error}).</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>Type a password.</source>
        <translation>Saisissez un mot de passe.</translation>
    </message>
    <message>
        <source>8 to 20 characters: letters, digits or ~&quot;#&apos;{}()[]-|^@=*+/!:;.,?&lt;&gt;%; no space, &amp;, $ or `.</source>
        <translation>8 à 20 caractères : lettres, chiffres ou ~&quot;#&apos;{}()[]-|^@=*+/!:;.,?&lt;&gt;% ; sans espace, &amp;, $ ni `.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>EasyClick2Call never keeps what you copy. The history only lists the numbers you chose to call, on this computer.</source>
        <translation>EasyClick2Call ne garde jamais ce que vous copiez. L&apos;historique ne liste que les numéros que vous avez choisi d&apos;appeler, sur cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Clear history…</source>
        <translation>&amp;Effacer l&apos;historique…</translation>
    </message>
    <message>
        <source>&amp;Forget contacts and call records…</source>
        <translation>&amp;Oublier les contacts et relevés d&apos;appels…</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Pour toujours</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Effacer l&apos;historique</translation>
    </message>
    <message>
        <source>Delete every call from the history? This cannot be undone.</source>
        <translation>Supprimer tous les appels de l&apos;historique ? C&apos;est définitif.</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>History cleared.</source>
        <translation>Historique effacé.</translation>
    </message>
    <message numerus="yes">
        <source>Cached on this computer: %n contact(s) (from OVHcloud&apos;s phonebooks and imported address books)</source>
        <translation>
            <numerusform>Gardé sur cet ordinateur : %n contact (des carnets OVHcloud et des carnets d&apos;adresses importés)</numerusform>
            <numerusform>Gardé sur cet ordinateur : %n contacts (des carnets OVHcloud et des carnets d&apos;adresses importés)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n OVHcloud call record(s).</source>
        <translation>
            <numerusform>, %n relevé d&apos;appel OVHcloud.</numerusform>
            <numerusform>, %n relevés d&apos;appels OVHcloud.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget contacts and call records</source>
        <translation>Oublier les contacts et relevés d&apos;appels</translation>
    </message>
    <message>
        <source>Delete the contacts and call records kept on this computer? OVHcloud&apos;s phonebooks and records are not changed; they are read again at the next sync.</source>
        <translation>Supprimer les contacts et relevés d&apos;appels gardés sur cet ordinateur ? Les carnets et relevés d&apos;OVHcloud ne sont pas modifiés ; ils seront relus à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <source>Contacts and call records forgotten.</source>
        <translation>Contacts et relevés d&apos;appels oubliés.</translation>
    </message>
</context>
<context>
    <name>SaveContactDialog</name>
    <message>
        <source>Save as contact — EasyClick2Call</source>
        <translation>Enregistrer comme contact — EasyClick2Call</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Numéro :</translation>
    </message>
    <message>
        <source>First name or title:</source>
        <translation>Prénom ou titre :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Phonebook:</source>
        <translation>Carnet :</translation>
    </message>
    <message>
        <source>Allow…</source>
        <translation>Autoriser…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Reading your OVHcloud phonebooks…</source>
        <translation>Lecture de vos carnets OVHcloud…</translation>
    </message>
    <message>
        <source>This account has no phonebook a contact can be added to. Create one in the OVHcloud Control Panel.</source>
        <translation>Ce compte n&apos;a aucun carnet où ajouter un contact. Créez-en un dans l&apos;espace client OVHcloud.</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Saisissez d&apos;abord un nom.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>EasyClick2Call may not add contacts yet. Press Allow… and allow it on OVHcloud&apos;s page.</source>
        <translation>EasyClick2Call n&apos;a pas encore le droit d&apos;ajouter des contacts. Appuyez sur Autoriser… et autorisez-le sur la page d&apos;OVHcloud.</translation>
    </message>
    <message>
        <source>Asking OVHcloud for access…</source>
        <translation>Demande d&apos;accès à OVHcloud…</translation>
    </message>
    <message>
        <source>Allow access on the OVHcloud page that opened in your browser…</source>
        <translation>Autorisez l&apos;accès sur la page OVHcloud ouverte dans votre navigateur…</translation>
    </message>
    <message>
        <source>Open this page to allow access: &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;</source>
        <translation>Ouvrez cette page pour autoriser l&apos;accès : &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>%1 (stored in the system keyring)</source>
        <translation>%1 (gardé dans le trousseau système)</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Will be removed from the keyring on OK</source>
        <translation>Sera retiré du trousseau à la validation</translation>
    </message>
</context>
<context>
    <name>SecretsError</name>
    <message>
        <source>PYTHON_KEYRING_BACKEND names a keyring backend that cannot be loaded.</source>
        <translation>PYTHON_KEYRING_BACKEND désigne un trousseau qui ne peut pas être chargé.</translation>
    </message>
    <message>
        <source>Unset PYTHON_KEYRING_BACKEND, or set it to an installed backend such as keyring.backends.SecretService.Keyring, then try again.</source>
        <translation>Retirez PYTHON_KEYRING_BACKEND, ou donnez-lui un trousseau installé comme keyring.backends.SecretService.Keyring, puis réessayez.</translation>
    </message>
    <message>
        <source>The system keyring could not be opened.</source>
        <translation>Impossible d&apos;ouvrir le trousseau système.</translation>
    </message>
    <message>
        <source>Check that GNOME Keyring, KWallet, the macOS Keychain or the Windows Credential Manager is running and unlocked, then try again.</source>
        <translation>Vérifiez que GNOME Keyring, KWallet, le trousseau macOS ou le Gestionnaire d&apos;identification Windows fonctionne et est déverrouillé, puis réessayez.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>Le trousseau système est verrouillé.</translation>
    </message>
    <message>
        <source>Unlock it (log in to your desktop session, or open Passwords and Keys / KWallet Manager), then try again.</source>
        <translation>Déverrouillez-le (ouvrez votre session, ou Mots de passe et clés / KWallet), puis réessayez.</translation>
    </message>
    <message>
        <source>No system keyring is available to keep your OVHcloud secrets.</source>
        <translation>Aucun trousseau système n&apos;est disponible pour garder vos secrets OVHcloud.</translation>
    </message>
    <message>
        <source>Install and unlock GNOME Keyring or KWallet (Debian: apt install gnome-keyring), then try again.</source>
        <translation>Installez et déverrouillez GNOME Keyring ou KWallet (Debian : apt install gnome-keyring), puis réessayez.</translation>
    </message>
    <message>
        <source>The system keyring refused access to EasyClick2Call&apos;s secrets.</source>
        <translation>Le trousseau système a refusé l&apos;accès aux secrets d&apos;EasyClick2Call.</translation>
    </message>
    <message>
        <source>Allow EasyClick2Call when the keyring asks, or unlock the keyring, then try again.</source>
        <translation>Autorisez EasyClick2Call quand le trousseau le demande, ou déverrouillez-le, puis réessayez.</translation>
    </message>
    <message>
        <source>This secret is too large for the system keyring.</source>
        <translation>Ce secret est trop grand pour le trousseau système.</translation>
    </message>
    <message>
        <source>Check that you pasted only the secret (OVHcloud secrets are about 32 characters).</source>
        <translation>Vérifiez que vous n&apos;avez collé que le secret (les secrets OVHcloud font environ 32 caractères).</translation>
    </message>
    <message>
        <source>The keyring backend {name} keeps secrets in a plain file; EasyClick2Call refuses it.</source>
        <translation>Le trousseau {name} garde les secrets dans un simple fichier ; EasyClick2Call le refuse.</translation>
    </message>
    <message>
        <source>Use GNOME Keyring, KWallet, the macOS Keychain or the Windows Credential Manager (unset PYTHON_KEYRING_BACKEND or fix keyringrc.cfg), then try again.</source>
        <translation>Utilisez GNOME Keyring, KWallet, le trousseau macOS ou le Gestionnaire d&apos;identification Windows (retirez PYTHON_KEYRING_BACKEND ou corrigez keyringrc.cfg), puis réessayez.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>This Wayland desktop only lets the window in front read the clipboard, so EasyClick2Call cannot notice copied numbers in the background. Use “Call clipboard now” in the tray menu, or a keyboard shortcut running “easyclick2call call --clipboard”.</source>
        <translation>Ce bureau Wayland ne laisse lire le presse-papiers qu’à la fenêtre au premier plan : EasyClick2Call ne peut donc pas remarquer les numéros copiés en arrière-plan. Utilisez « Appeler le presse-papiers maintenant » dans le menu de l’icône, ou un raccourci clavier qui lance « easyclick2call call --clipboard ».</translation>
    </message>
    <message>
        <source>No graphical session was found (neither DISPLAY nor WAYLAND_DISPLAY is set), so there is no clipboard to watch.</source>
        <translation>Aucune session graphique n’a été trouvée (ni DISPLAY ni WAYLAND_DISPLAY n’est défini) : il n’y a pas de presse-papiers à surveiller.</translation>
    </message>
    <message>
        <source>macOS: copies are noticed by checking the pasteboard a few times per second.</source>
        <translation>macOS : les copies sont remarquées en consultant le presse-papiers plusieurs fois par seconde.</translation>
    </message>
    <message>
        <source>The app runs through XWayland, where GNOME passes every copy on, as on X11.</source>
        <translation>L’application passe par XWayland, où GNOME transmet chaque copie, comme sous X11.</translation>
    </message>
    <message>
        <source>EasyClick2Call is a desktop app and no graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set): start it from your desktop session, or use its command line without one (easyclick2call --help).</source>
        <translation>EasyClick2Call est une application de bureau et aucun affichage graphique n&apos;a été trouvé (ni DISPLAY ni WAYLAND_DISPLAY n&apos;est défini) : lancez-la depuis votre session de bureau, ou utilisez sa ligne de commande, qui s&apos;en passe (easyclick2call --help).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>API endpoint</source>
        <translation>Point d&apos;accès de l&apos;API</translation>
    </message>
    <message>
        <source>The OVHcloud API your account lives on.</source>
        <translation>L&apos;API OVHcloud où se trouve votre compte.</translation>
    </message>
    <message>
        <source>OVHcloud Europe</source>
        <translation>OVHcloud Europe</translation>
    </message>
    <message>
        <source>OVHcloud Canada</source>
        <translation>OVHcloud Canada</translation>
    </message>
    <message>
        <source>OVHcloud US</source>
        <translation>OVHcloud États-Unis</translation>
    </message>
    <message>
        <source>Kimsufi Europe</source>
        <translation>Kimsufi Europe</translation>
    </message>
    <message>
        <source>Kimsufi Canada</source>
        <translation>Kimsufi Canada</translation>
    </message>
    <message>
        <source>So you Start Europe</source>
        <translation>So you Start Europe</translation>
    </message>
    <message>
        <source>So you Start Canada</source>
        <translation>So you Start Canada</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Se connecter avec</translation>
    </message>
    <message>
        <source>An API application (key, secret and a consumer key you validate in the browser) or an OAuth2 service account (client ID and secret).</source>
        <translation>Une application API (clé, secret et une clé consommateur que vous validez dans le navigateur) ou un compte de service OAuth2 (ID client et secret).</translation>
    </message>
    <message>
        <source>API application</source>
        <translation>Application API</translation>
    </message>
    <message>
        <source>OAuth2 service account</source>
        <translation>Compte de service OAuth2</translation>
    </message>
    <message>
        <source>Application key</source>
        <translation>Clé d&apos;application</translation>
    </message>
    <message>
        <source>The key of the API application you created on OVHcloud.</source>
        <translation>La clé de l&apos;application API que vous avez créée sur OVHcloud.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>The client ID of your OAuth2 service account.</source>
        <translation>L&apos;ID client de votre compte de service OAuth2.</translation>
    </message>
    <message>
        <source>Billing account</source>
        <translation>Compte de facturation</translation>
    </message>
    <message>
        <source>The telephony billing account, such as ab12345-ovh-1.</source>
        <translation>Le compte de facturation téléphonie, par exemple ab12345-ovh-1.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>The SIP line that rings first, such as 0033972123456.</source>
        <translation>La ligne SIP qui sonne en premier, par exemple 0033972123456.</translation>
    </message>
    <message>
        <source>Click2Call user</source>
        <translation>Utilisateur Click2Call</translation>
    </message>
    <message>
        <source>The Click2Call user of the line used to place calls (0: none, the API account calls).</source>
        <translation>L&apos;utilisateur Click2Call de la ligne qui passe les appels (0 : aucun, le compte API appelle).</translation>
    </message>
    <message>
        <source>Calling mode</source>
        <translation>Mode d&apos;appel</translation>
    </message>
    <message>
        <source>Ring my phone: your phone rings, pick up to reach the number. Intercom: your phone picks up by itself on its speaker.</source>
        <translation>Faire sonner mon téléphone : votre téléphone sonne, décrochez pour joindre le numéro. Interphone : votre téléphone décroche tout seul, sur son haut-parleur.</translation>
    </message>
    <message>
        <source>Ring my phone</source>
        <translation>Faire sonner mon téléphone</translation>
    </message>
    <message>
        <source>Intercom</source>
        <translation>Interphone</translation>
    </message>
    <message>
        <source>Default country</source>
        <translation>Pays par défaut</translation>
    </message>
    <message>
        <source>The country of numbers written without an international prefix.</source>
        <translation>Le pays des numéros écrits sans indicatif international.</translation>
    </message>
    <message>
        <source>Offer to call copied numbers</source>
        <translation>Proposer d&apos;appeler les numéros copiés</translation>
    </message>
    <message>
        <source>Show a small Call window when you copy a phone number.</source>
        <translation>Afficher une petite fenêtre Appeler quand vous copiez un numéro de téléphone.</translation>
    </message>
    <message>
        <source>Popup position</source>
        <translation>Position de la fenêtre</translation>
    </message>
    <message>
        <source>Where the Call window appears.</source>
        <translation>Où la fenêtre Appeler apparaît.</translation>
    </message>
    <message>
        <source>Near the tray icon</source>
        <translation>Près de l&apos;icône de la zone de notification</translation>
    </message>
    <message>
        <source>Near the mouse pointer</source>
        <translation>Près du pointeur de la souris</translation>
    </message>
    <message>
        <source>Hide the popup after (seconds)</source>
        <translation>Masquer la fenêtre après (secondes)</translation>
    </message>
    <message>
        <source>The Call window closes by itself after this delay unless the pointer is on it (0: never).</source>
        <translation>La fenêtre Appeler se ferme seule après ce délai, sauf si le pointeur est dessus (0 : jamais).</translation>
    </message>
    <message>
        <source>Watch the selection too (X11)</source>
        <translation>Surveiller aussi la sélection (X11)</translation>
    </message>
    <message>
        <source>Also offer numbers you only select with the mouse, without copying them.</source>
        <translation>Proposer aussi les numéros simplement sélectionnés à la souris, sans les copier.</translation>
    </message>
    <message>
        <source>Global shortcut</source>
        <translation>Raccourci global</translation>
    </message>
    <message>
        <source>Select a number anywhere and press this to be offered the call; press it again to call, Up and Down choose among several numbers (empty: no shortcut).</source>
        <translation>Sélectionnez un numéro n&apos;importe où et appuyez sur ce raccourci pour qu&apos;on vous propose l&apos;appel ; appuyez de nouveau pour appeler, Haut et Bas choisissent parmi plusieurs numéros (vide : aucun raccourci).</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Lancer à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Start EasyClick2Call when you log in.</source>
        <translation>Lancer EasyClick2Call quand vous ouvrez votre session.</translation>
    </message>
    <message>
        <source>Open tel: and callto: links</source>
        <translation>Ouvrir les liens tel: et callto:</translation>
    </message>
    <message>
        <source>Make EasyClick2Call the program that opens tel: and callto: links.</source>
        <translation>Faire d&apos;EasyClick2Call le programme qui ouvre les liens tel: et callto:.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of EasyClick2Call (takes effect at the next start).</source>
        <translation>La langue d&apos;EasyClick2Call (prise en compte au prochain lancement).</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Appels en direct</translation>
    </message>
    <message>
        <source>Follow your calls as they happen: who is calling, missed calls, how long a call lasted (needs an access key that allows it).</source>
        <translation>Suivre vos appels en direct : qui appelle, les appels manqués, la durée d&apos;un appel (il faut une clé d&apos;accès qui le permet).</translation>
    </message>
    <message>
        <source>Lines to follow</source>
        <translation>Lignes à suivre</translation>
    </message>
    <message>
        <source>The calls of which lines are shown.</source>
        <translation>Les lignes dont les appels sont affichés.</translation>
    </message>
    <message>
        <source>The configured line</source>
        <translation>La ligne configurée</translation>
    </message>
    <message>
        <source>Every line of the billing account</source>
        <translation>Toutes les lignes du compte de facturation</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <source>No incoming-call or missed-call windows; calls are still recorded.</source>
        <translation>Aucune fenêtre d&apos;appel entrant ou manqué ; les appels sont quand même enregistrés.</translation>
    </message>
    <message>
        <source>Blocked prefixes</source>
        <translation>Préfixes bloqués</translation>
    </message>
    <message>
        <source>Numbers starting with these prefixes are never called, such as premium-rate numbers (+3389 is 08 9x in France).</source>
        <translation>Les numéros commençant par ces préfixes ne sont jamais appelés, par exemple les numéros surtaxés (+3389 correspond au 08 9x en France).</translation>
    </message>
    <message>
        <source>Confirm international calls</source>
        <translation>Confirmer les appels internationaux</translation>
    </message>
    <message>
        <source>Ask before calling a number in another country than the default one.</source>
        <translation>Demander avant d&apos;appeler un numéro d&apos;un autre pays que le pays par défaut.</translation>
    </message>
    <message>
        <source>Keep a call history</source>
        <translation>Garder un historique des appels</translation>
    </message>
    <message>
        <source>Remember the numbers you called (never what you copied).</source>
        <translation>Retenir les numéros appelés (jamais ce que vous avez copié).</translation>
    </message>
    <message>
        <source>Keep history for (days)</source>
        <translation>Garder l&apos;historique pendant (jours)</translation>
    </message>
    <message>
        <source>Older calls are deleted from the history (0: keep forever).</source>
        <translation>Les appels plus anciens sont supprimés de l&apos;historique (0 : garder pour toujours).</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode démo</translation>
    </message>
    <message>
        <source>Use the built-in OVHcloud sandbox instead of a real account.</source>
        <translation>Utiliser le bac à sable OVHcloud intégré au lieu d&apos;un vrai compte.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Try again; if it persists, see the log.</source>
        <translation>Un problème est survenu ({kind}). Réessayez ; s&apos;il persiste, consultez le journal.</translation>
    </message>
    <message>
        <source>The endpoint setting &quot;{value}&quot; is not valid — choose one in Settings › Account, or run `easyclick2call config set endpoint ovh-eu`.</source>
        <translation>Le réglage endpoint « {value} » n&apos;est pas valide — choisissez-en un dans Réglages › Compte, ou lancez `easyclick2call config set endpoint ovh-eu`.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — EasyClick2Call</source>
        <translation>Réglages — EasyClick2Call</translation>
    </message>
    <message>
        <source> (Demo)</source>
        <translation> (Démo)</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des réglages</translation>
    </message>
    <message>
        <source>Nothing was saved: {reason}</source>
        <translation>Rien n&apos;a été enregistré : {reason}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Copied numbers cannot be noticed here</source>
        <translation>Les numéros copiés ne peuvent pas être remarqués ici</translation>
    </message>
</context>
<context>
    <name>Telephony</name>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>At least {count} characters</source>
        <translation>Au moins {count} caractères</translation>
    </message>
    <message>
        <source>At most {count} characters</source>
        <translation>Au plus {count} caractères</translation>
    </message>
    <message>
        <source>Only letters, digits and ~&quot;#&apos;{{}}()[]-|^@=*+/!:;.,?&lt;&gt;%_ (no space, &amp;, $ or `)</source>
        <translation>Uniquement lettres, chiffres et ~&quot;#&apos;{{}}()[]-|^@=*+/!:;.,?&lt;&gt;%_ (ni espace, ni &amp;, $ ou `)</translation>
    </message>
    <message>
        <source>Only letters, digits, dots, dashes, underscores and @</source>
        <translation>Uniquement lettres, chiffres, points, tirets, soulignés et @</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Call a number…</source>
        <translation>Appeler un numéro…</translation>
    </message>
    <message>
        <source>Call clipboard now</source>
        <translation>Appeler le presse-papiers maintenant</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Appels récents</translation>
    </message>
    <message>
        <source>Call {number} again</source>
        <translation>Rappeler le {number}</translation>
    </message>
    <message>
        <source>Pause watching</source>
        <translation>Suspendre la surveillance</translation>
    </message>
    <message>
        <source>Set up my account…</source>
        <translation>Configurer mon compte…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>&amp;Show the password</source>
        <translation>&amp;Afficher le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
</context>
<context>
    <name>UsersBox</name>
    <message>
        <source>Click2Call users of this line</source>
        <translation>Utilisateurs Click2Call de cette ligne</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>No Click2Call user on this line yet</source>
        <translation>Pas encore d&apos;utilisateur Click2Call sur cette ligne</translation>
    </message>
</context>
</TS>
